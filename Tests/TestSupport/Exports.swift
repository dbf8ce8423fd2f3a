// The tests see every stage: the package's own declarations (`package` access) as well as the library's public face.
@_exported import Mawjaz
@_exported import MawjazData
@_exported import MawjazDocument
@_exported import MawjazFrame
@_exported import MawjazLanguage
@_exported import MawjazLayout
@_exported import MawjazRender
@_exported import MawjazText
