#pragma once
// A small SVG plotting kit for the HTML report: XY charts (points, lines, error bars; linear or
// log axes) and grouped bar charts with intervals. Every chart has a title, axis labels with
// units and a legend, and renders to one <figure class="chart" data-chart="KIND"> element.
// All text passed in is escaped here. Private to reports/html.
#include <cmath>
#include <limits>
#include <string>
#include <vector>

namespace rb::reports::html {

enum class Scale { linear, log10, log2 };
enum class Unit { number, percent, dollars, tokens, millis };

struct Axis {
  std::string label;  ///< with its unit, e.g. "mean cost per problem ($, log scale)"
  Scale scale = Scale::linear;
  Unit unit = Unit::number;
  double min = std::numeric_limits<double>::quiet_NaN();  ///< NaN: fitted to the data
  double max = std::numeric_limits<double>::quiet_NaN();
};

struct Point {
  double x = 0;
  double y = 0;
  double y_low = std::numeric_limits<double>::quiet_NaN();  ///< error bar, when both are set
  double y_high = std::numeric_limits<double>::quiet_NaN();
  std::string tip;    ///< hover text (escaped here)
  bool ring = false;  ///< drawn with an extra ring (e.g. on the Pareto frontier)
};

struct Series {
  std::string name;
  std::size_t style = 0;  ///< colour and marker index (the same model keeps its style everywhere)
  std::vector<Point> points;
  bool line = false;
  bool markers = true;
  bool dashed = false;
  bool grey = false;  ///< a reference line (frontier) drawn in grey
};

/// The colour of style `i` (Okabe-Ito, readable by colour-blind people and in greyscale print
/// thanks to the marker shapes).
std::string style_colour(std::size_t i);

class XyChart {
 public:
  XyChart(std::string kind, std::string title, Axis x, Axis y);
  void add(Series series) { m_series.push_back(std::move(series)); }
  /// A line under the chart (escaped): what is SIMULATED, estimated, excluded.
  void note(std::string text) { m_notes.push_back(std::move(text)); }
  bool empty() const;
  std::string render() const;

 private:
  std::string m_kind;
  std::string m_title;
  Axis m_x;
  Axis m_y;
  std::vector<Series> m_series;
  std::vector<std::string> m_notes;
};

struct Bar {
  double value = 0;
  double low = std::numeric_limits<double>::quiet_NaN();  ///< interval, when both are set
  double high = std::numeric_limits<double>::quiet_NaN();
  std::string tip;
  bool present = true;  ///< false: no bar for this series in this group
};

class BarChart {
 public:
  /// `series` names the bars of every group (the legend); `style[i]` is bar i's style.
  BarChart(std::string kind, std::string title, Axis y, std::string x_label);
  void set_series(std::vector<std::string> names, std::vector<std::size_t> styles);
  /// One group of bars (one per series, in order), labelled under the axis.
  void add_group(std::string label, std::vector<Bar> bars);
  void note(std::string text) { m_notes.push_back(std::move(text)); }
  std::string render() const;

 private:
  std::string m_kind;
  std::string m_title;
  Axis m_y;
  std::string m_x_label;
  std::vector<std::string> m_names;
  std::vector<std::size_t> m_styles;
  std::vector<std::pair<std::string, std::vector<Bar>>> m_groups;
  std::vector<std::string> m_notes;
};

/// A figure that says why there is no chart (nothing measured, nothing priced).
std::string placeholder_figure(const std::string& kind, const std::string& title, const std::string& why);

}  // namespace rb::reports::html
