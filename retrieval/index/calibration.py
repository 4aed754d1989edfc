"""Abstention thresholds calibrated on each index with off-topic probe questions.

How similar the nearest passage looks to an off-topic question depends on the corpus:
with 20,000 law paragraphs something always looks a little like "thời tiết ngày mai",
with one directive nothing does. So at build time the index answers a fixed set of
questions no administrative document answers (weather, sport, cooking, prices, trivia),
and the similarity they reach becomes that index's bar. None of these probes comes from
an evaluation set.
"""

from __future__ import annotations

import re

import numpy as np

from retrieval.lang.text import fold

PROBES = [
    "Thời tiết Hà Nội ngày mai thế nào?",
    "Ai vô địch World Cup 2022?",
    "Cách nấu phở bò ngon?",
    "Công thức làm bánh mì tại nhà",
    "Thủ đô của nước Pháp là gì?",
    "Ca sĩ nào hát bài Hà Nội mùa thu?",
    "iPhone mới nhất giá bao nhiêu?",
    "Cách chữa cảm cúm tại nhà",
    "Điểm chuẩn đại học Bách khoa năm nay",
    "Bitcoin có nên mua lúc này không?",
    "Lịch thi đấu bóng đá tối nay",
    "Giá xăng hôm nay bao nhiêu?",
    "Phim nào đang chiếu rạp tuần này?",
    "Làm sao để giảm cân nhanh?",
    "Núi cao nhất thế giới là núi nào?",
    "Cách trồng hoa hồng trong chậu",
    "Trận đấu tối qua đội nào thắng?",
    "Quán cà phê nào ngon ở Đà Lạt?",
    "Bài hát nào đang nổi tiếng nhất?",
    "Cách sửa máy giặt không vắt",
]

# Questions about live data: documents never hold today's prices or tomorrow's weather.
REALTIME = re.compile(
    r"\b(hom nay|ngay mai|toi nay|sang nay|bay gio|luc nay|may gio roi|hom qua|toi qua|tuan nay|ty gia|gia vang|thoi tiet)\b"
)


def is_realtime(question: str) -> bool:
    return bool(REALTIME.search(fold(question)))


def probe_questions() -> list[str]:
    return PROBES + [fold(p) for p in PROBES]


def dense_bar(best_scores: list[float], quantile: float = 0.85) -> float:
    """The similarity most off-topic probes stay under."""
    return float(np.quantile(np.asarray(best_scores, dtype=np.float32), quantile))
