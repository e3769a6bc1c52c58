"""A line chart drawn as SVG on the server.

The facilitators' page used to load Chart.js, 70 KB of compressed script,
which put the page over its budget for phones on metered connections. The
same 30-day chart as SVG costs a few kilobytes of HTML and no script.
"""

from dataclasses import dataclass

# Sizes in viewBox units. The template draws 20-unit labels, so text grows
# with the rendered width, which the .ecobiz-chart class caps at 32rem.
WIDTH = 600
HEIGHT = 300
LEFT = 48
RIGHT = 8
TOP = 14
BOTTOM = 34
# Each series has its own colour and dash pattern, so the lines stay apart
# for readers who cannot tell the colours apart and on grey-scale prints.
STYLES = [
    ("#1e6b3a", ""),
    ("#b4532a", "8 4"),
    ("#1d4f91", "2 3"),
    ("#6f42c1", "10 3 2 3"),
]
X_LABEL_COUNT = 5


@dataclass(frozen=True)
class Line:
    label: str
    colour: str
    dash: str
    points: str


@dataclass(frozen=True)
class Tick:
    position: float
    text: str


@dataclass(frozen=True)
class LineChart:
    width: int
    height: int
    left: int
    right: int
    top: int
    bottom: int
    lines: list[Line]
    x_ticks: list[Tick]
    y_ticks: list[Tick]


def _nice_maximum(value: int) -> int:
    """Round the largest value up to 1, 2 or 5 times a power of ten."""
    if value <= 1:
        return 1
    magnitude = 1
    while magnitude * 10 <= value:
        magnitude *= 10
    for step in (1, 2, 5, 10):
        if step * magnitude >= value:
            return step * magnitude
    return 10 * magnitude


def line_chart(labels: list[str], series: list[dict]) -> LineChart:
    """Lay out one polyline per series over the labels, with axis ticks."""
    plot_width = WIDTH - LEFT - RIGHT
    plot_height = HEIGHT - TOP - BOTTOM
    maximum = _nice_maximum(
        max((max(s["values"], default=0) for s in series), default=0)
    )
    step = plot_width / max(len(labels) - 1, 1)

    def x(index: int) -> float:
        return round(LEFT + index * step, 1)

    def y(value: float) -> float:
        return round(TOP + plot_height * (1 - value / maximum), 1)

    lines = [
        Line(
            label=item["label"],
            colour=STYLES[number % len(STYLES)][0],
            dash=STYLES[number % len(STYLES)][1],
            points=" ".join(
                f"{x(index)},{y(value)}" for index, value in enumerate(item["values"])
            ),
        )
        for number, item in enumerate(series)
    ]
    every = max(1, round(len(labels) / X_LABEL_COUNT))
    x_ticks = [Tick(x(index), label) for index, label in enumerate(labels)][::every]
    tick_values = sorted({0, maximum // 2, maximum})
    y_ticks = [Tick(y(value), str(value)) for value in tick_values]
    return LineChart(WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM, lines, x_ticks, y_ticks)
