#pragma once
// Pieces shared by the XY and bar charts: the page geometry, scales, ticks, markers, legends
// and the figure wrapper. Private to reports/html/svg*.cpp.
#include <string>
#include <utility>
#include <vector>

#include "reports/html/svg.hpp"

namespace rb::reports::html::parts {

inline constexpr double k_width = 720;
inline constexpr double k_left = 78;  // room for y tick labels and the y axis label
inline constexpr double k_right = 700;
inline constexpr double k_top = 44;      // room for the title
inline constexpr double k_bottom = 314;  // the x axis
inline constexpr double k_legend_top = 372;
inline constexpr double k_legend_row = 18;

/// Maps data values onto pixels along one axis.
struct Mapper {
  Scale scale = Scale::linear;
  double lo = 0;
  double hi = 1;
  double pixel_lo = 0;  ///< pixel of `lo`
  double pixel_hi = 1;  ///< pixel of `hi`
  double operator()(double value) const;
};

/// The axis domain: the axis' own min/max where set, else fitted to `values` (positive values
/// only on log scales). Never empty.
std::pair<double, double> fit_domain(const Axis& axis, const std::vector<double>& values);
/// Tick positions within [lo, hi].
std::vector<double> ticks(Scale scale, double lo, double hi);
/// "50%", "$0.01", "10k", "250".
std::string tick_label(double value, Unit unit);
/// A number with 4 significant digits, for coordinates.
std::string num(double value);
/// Marker shape `style` at (x, y).
std::string marker(std::size_t style, double x, double y, const std::string& colour);
/// The legend rows under the plot; returns the SVG and sets `height` to the whole SVG height.
struct LegendEntry {
  std::string name;
  std::size_t style = 0;
  bool dashed = false;
  bool grey = false;
  bool line = true;
  bool markers = true;
  bool swatch = false;  ///< a filled square (bar charts) instead of line and marker
};
std::string legend(const std::vector<LegendEntry>& entries, double& height);
/// The frame, title, axis labels and the ticks of both axes.
std::string axes(const std::string& title, const Axis& x, const Mapper& mx,
                 const std::vector<double>& x_ticks, const Axis& y, const Mapper& my,
                 const std::vector<double>& y_ticks);
/// <figure class="chart" data-chart=KIND> with the SVG and the notes as a caption.
std::string figure(const std::string& kind, const std::string& title, const std::string& svg_body,
                   double height, const std::vector<std::string>& notes);

}  // namespace rb::reports::html::parts
