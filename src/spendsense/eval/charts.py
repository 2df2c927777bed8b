"""The report's charts as PNG files (matplotlib, headless)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from types import ModuleType

from spendsense.eval.fairness import FOUR_FIFTHS, Parity


def _pyplot() -> ModuleType:
    """Imported on use: matplotlib is the optional `report` extra, and slow to import."""
    import matplotlib

    matplotlib.use("Agg")  # no display: the report is written by a CLI or CI
    import matplotlib.pyplot as plt

    return plt


def persona_chart(distribution: Mapping[str, Mapping[str, int]], path: Path) -> Path:
    plt = _pyplot()
    names = sorted({name for counts in distribution.values() for name in counts})
    figure, axis = plt.subplots(figsize=(7, 3.2))
    width = 0.8 / max(len(distribution), 1)
    for offset, (window, counts) in enumerate(sorted(distribution.items())):
        positions = [i + offset * width for i in range(len(names))]
        axis.bar(positions, [counts.get(n, 0) for n in names], width=width, label=window)
    axis.set_xticks(
        [i + width * (len(distribution) - 1) / 2 for i in range(len(names))], names, rotation=20, ha="right"
    )
    axis.set_ylabel("users")
    axis.set_title("Primary persona per window")
    axis.legend()
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)
    return path


def fairness_chart(parities: list[Parity], path: Path) -> Path:
    plt = _pyplot()
    shown = [p for p in parities if p.ratio is not None]
    figure, axis = plt.subplots(figsize=(7, max(2.5, 0.18 * len(shown))))
    labels = [f"{p.attribute} / {p.outcome}" for p in shown]
    colors = ["#c0392b" if p.flagged else "#2e86c1" for p in shown]
    axis.barh(labels, [p.ratio or 0.0 for p in shown], color=colors)
    axis.axvline(FOUR_FIFTHS, color="black", linestyle="--", linewidth=1)
    axis.set_xlim(0, 1)
    axis.set_xlabel("lowest group rate / highest group rate (red: under 0.8)")
    axis.tick_params(axis="y", labelsize=6)
    axis.set_title("Demographic parity ratios")
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)
    return path


def latency_chart(per_user_ms: Mapping[str, float], path: Path) -> Path:
    plt = _pyplot()
    figure, axis = plt.subplots(figsize=(7, 2.6))
    axis.hist(list(per_user_ms.values()), bins=40, color="#2e86c1")
    axis.set_xlabel("ms per user (profile, selection and review of both windows)")
    axis.set_ylabel("users")
    axis.set_title("Recommendation latency per user")
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)
    return path
