// A program that reaches past the library's face into its stages: every line names something the package keeps to
// itself, so PublicInterfaceTests expects each to be an error.
import Mawjaz

func stages(_ a: TextEngine, _ b: Typesetter, _ c: Renderer, _ d: Document, _ e: PagedDocument, _ f: Frame) {}
func internals(_ a: LocatedNode, _ b: DiagnosticLog, _ c: StructureRole, _ d: BlockKind, _ e: FontFace, _ f: Template) {}
func engine(of renderer: BriefingRenderer) { _ = renderer.engine }
