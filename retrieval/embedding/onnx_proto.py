"""The few ONNX protobuf messages e5_onnx.py's graph needs, encoded directly.

The `onnx` package (with protobuf and ml_dtypes, ~36 MB) would be in every runtime
environment only to write one file once. The messages used here are a small, frozen part
of onnx.proto (field numbers below are its own), so they are written by hand: varints,
length-delimited fields and raw tensor bytes. tests/test_onnx_proto.py parses the result
with the `onnx` package (a test extra) and checks it against the same graph built with
`onnx.helper`.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from typing import Iterable

import numpy as np

# TensorProto.DataType
FLOAT, UINT8, INT8, INT32, INT64 = 1, 2, 3, 6, 7
_DTYPES = {np.dtype(np.float32): FLOAT, np.dtype(np.uint8): UINT8, np.dtype(np.int8): INT8,
           np.dtype(np.int32): INT32, np.dtype(np.int64): INT64}
# AttributeProto.AttributeType
_ATTR_FLOAT, _ATTR_INT, _ATTR_STRING = 1, 2, 3

_VARINT, _LEN, _FIXED32 = 0, 2, 5


def _varint(value: int) -> bytes:
    value &= (1 << 64) - 1  # negative int64 as two's complement, ten bytes
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def _key(field: int, wire: int) -> bytes:
    return _varint(field << 3 | wire)


def _int(field: int, value: int) -> bytes:
    return _key(field, _VARINT) + _varint(value)


def _bytes(field: int, value: bytes) -> bytes:
    return _key(field, _LEN) + _varint(len(value)) + value


def _str(field: int, value: str) -> bytes:
    return _bytes(field, value.encode("utf-8"))


@dataclass(frozen=True)
class Message:
    """An encoded message: its bytes, ready to be nested in another."""

    data: bytes


def tensor(name: str, array: np.ndarray) -> Message:
    """TensorProto: dims (1), data_type (2), name (8), raw_data (9, little-endian)."""
    arr = np.ascontiguousarray(array)
    if arr.dtype not in _DTYPES:
        raise ValueError(f"{name}: dtype {arr.dtype} is not written")
    parts = [_int(1, d) for d in arr.shape]
    parts += [_int(2, _DTYPES[arr.dtype]), _str(8, name), _bytes(9, arr.astype(arr.dtype.newbyteorder("<")).tobytes())]
    return Message(b"".join(parts))


def _attribute(name: str, value: int | float | str) -> bytes:
    """AttributeProto: name (1), f (2), i (3), s (4), type (20)."""
    if isinstance(value, int):  # bool too
        body = _str(1, name) + _int(3, int(value)) + _int(20, _ATTR_INT)
    elif isinstance(value, float):
        body = _str(1, name) + _key(2, _FIXED32) + struct.pack("<f", value) + _int(20, _ATTR_FLOAT)
    else:
        body = _str(1, name) + _bytes(4, value.encode("utf-8")) + _int(20, _ATTR_STRING)
    return body


def node(op_type: str, inputs: Iterable[str], outputs: Iterable[str], domain: str = "",
         **attributes: int | float | str) -> Message:
    """NodeProto: input (1), output (2), op_type (4), attribute (5), domain (7)."""
    parts = [_str(1, i) for i in inputs] + [_str(2, o) for o in outputs] + [_str(4, op_type)]
    parts += [_bytes(5, _attribute(k, v)) for k, v in attributes.items()]
    if domain:
        parts.append(_str(7, domain))
    return Message(b"".join(parts))


def value_info(name: str, elem_type: int, dims: Iterable[int | str]) -> Message:
    """ValueInfoProto {name, TypeProto {tensor_type {elem_type, shape {dim…}}}}: a dimension
    is a number (dim_value, 1) or a name (dim_param, 2)."""
    shape = b"".join(_bytes(1, _int(1, d) if isinstance(d, int) else _str(2, d)) for d in dims)
    tensor_type = _int(1, elem_type) + _bytes(2, shape)
    return Message(_str(1, name) + _bytes(2, _bytes(1, tensor_type)))


def model(nodes: Iterable[Message], name: str, inputs: Iterable[Message], outputs: Iterable[Message],
          initializers: Iterable[Message], opsets: dict[str, int], ir_version: int, producer: str) -> bytes:
    """ModelProto: ir_version (1), producer_name (2), graph (7), opset_import (8); its
    GraphProto: node (1), name (2), initializer (5), input (11), output (12)."""
    graph = b"".join([
        *(_bytes(1, n.data) for n in nodes), _str(2, name),
        *(_bytes(5, t.data) for t in initializers),
        *(_bytes(11, v.data) for v in inputs), *(_bytes(12, v.data) for v in outputs),
    ])
    opset = b"".join(_bytes(8, _str(1, domain) + _int(2, version))
                     for domain, version in opsets.items())
    return _int(1, ir_version) + _str(2, producer) + _bytes(7, graph) + opset
