from monitoring.charts import HEIGHT, LEFT, TOP, WIDTH, line_chart


def chart_of(*values_per_series):
    labels = [f"{day} Mar" for day in range(1, len(values_per_series[0]) + 1)]
    series = [
        {"label": f"figure {number}", "values": list(values)}
        for number, values in enumerate(values_per_series)
    ]
    return line_chart(labels, series)


def test_chart_has_line_per_series():
    chart = chart_of([1, 2, 3], [0, 0, 0])

    assert len(chart.lines) == 2


def test_chart_line_has_point_per_day():
    chart = chart_of([1, 2, 3, 4])

    assert len(chart.lines[0].points.split()) == 4


def test_chart_maximum_reaches_top():
    chart = chart_of([0, 10])

    x, y = chart.lines[0].points.split()[-1].split(",")
    assert float(x) == WIDTH - chart.right
    assert float(y) == TOP


def test_chart_zero_sits_on_baseline():
    chart = chart_of([0, 10])

    x, y = chart.lines[0].points.split()[0].split(",")
    assert float(x) == LEFT
    assert float(y) == HEIGHT - chart.bottom


def test_chart_rounds_axis_maximum():
    chart = chart_of([3, 7])

    assert [tick.text for tick in chart.y_ticks] == ["0", "5", "10"]


def test_chart_of_zeros_keeps_axis():
    chart = chart_of([0, 0, 0])

    assert [tick.text for tick in chart.y_ticks] == ["0", "1"]


def test_chart_labels_thinned_for_thirty_days():
    chart = chart_of(list(range(30)))

    assert len(chart.x_ticks) == 5
    assert chart.x_ticks[0].text == "1 Mar"


def test_chart_series_differ_in_dash():
    chart = chart_of([1], [1], [1], [1])

    assert len({line.dash for line in chart.lines}) == 4
