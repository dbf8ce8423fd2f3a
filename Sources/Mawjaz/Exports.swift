// The library's public face: every stage, importable as one module.
@_exported import MawjazData
@_exported import MawjazDocument
@_exported import MawjazFrame
@_exported import MawjazLanguage
@_exported import MawjazLayout
@_exported import MawjazRender
@_exported import MawjazText
