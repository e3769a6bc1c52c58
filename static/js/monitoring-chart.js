// Draws the monitoring page's line chart from the JSON that the page embeds
// with json_script. The table below the chart lists the same figures, so the
// page stays complete when this script or Chart.js does not load.
(function () {
  "use strict";

  // Bootstrap 5 primary, orange, green and pink. The point styles below
  // distinguish the lines for readers who cannot tell the colours apart.
  var COLOURS = ["#0d6efd", "#fd7e14", "#198754", "#d63384"];
  var POINT_STYLES = ["circle", "rect", "triangle", "rectRot"];
  var NARROW_SCREEN = "(max-width: 575.98px)";

  function drawChart() {
    var canvas = document.getElementById("monitoring-chart");
    var source = document.getElementById("monitoring-chart-data");
    if (!canvas || !source || typeof window.Chart === "undefined") {
      return;
    }
    var data = JSON.parse(source.textContent);
    var narrow = window.matchMedia(NARROW_SCREEN).matches;

    new window.Chart(canvas, {
      type: "line",
      data: {
        labels: data.labels,
        datasets: data.series.map(function (series, index) {
          var colour = COLOURS[index % COLOURS.length];
          return {
            label: series.label,
            data: series.values,
            borderColor: colour,
            backgroundColor: colour,
            pointStyle: POINT_STYLES[index % POINT_STYLES.length],
            pointRadius: narrow ? 2 : 3,
            borderWidth: 2,
            tension: 0,
          };
        }),
      },
      options: {
        responsive: true,
        // A taller chart on phones keeps 30 days of points readable at 360 px.
        aspectRatio: narrow ? 1 : 2.5,
        interaction: { mode: "index", intersect: false },
        scales: {
          x: { ticks: { maxRotation: 0, autoSkip: true, maxTicksLimit: narrow ? 6 : 15 } },
          y: { beginAtZero: true, ticks: { precision: 0 } },
        },
        plugins: {
          legend: { position: "bottom", labels: { usePointStyle: true } },
        },
      },
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", drawChart);
  } else {
    drawChart();
  }
})();
