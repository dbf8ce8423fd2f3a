// The library's public face: the report model with its data and summaries, the messages and languages, and (in
// this module) the renderer, the pool, what a render gives back and the errors. The stages behind them (binding,
// layout, text, drawing) are the package's own: `package` access, not exported.
@_exported import MawjazData
@_exported import MawjazLanguage
@_exported import enum MawjazFrame.Direction
@_exported import enum MawjazFrame.Alignment
@_exported import enum MawjazLayout.ChartPage
@_exported import enum MawjazRender.OutputFormat
