import Testing
@testable import SVGPlot
