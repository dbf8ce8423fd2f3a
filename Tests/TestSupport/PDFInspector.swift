// Independent readers of the PDFs the tests produce: qpdf, pypdf in strict mode and pdfminer without its
// fallback, run from one Python virtual environment that is created once and kept in ~/.cache.
import Foundation

/// What pypdf and pdfminer read from a PDF, as the inspection script reports it.
package struct PDFFacts: Decodable, Sendable {
    /// An outline entry: its depth (1 is top), title and the page it goes to (1-based).
    package struct OutlineEntry: Decodable, Sendable, Equatable {
        package var level: Int
        package var title: String
        package var page: Int
        /// An entry as a test expects it.
        package init(level: Int, title: String, page: Int) { self.level = level; self.title = title; self.page = page }
    }
    /// A link annotation: the page it is on, its flags, and where it goes.
    package struct LinkAnnotation: Decodable, Sendable {
        package var page: Int
        package var flags: Int
        package var destination: String?
        package var destinationPage: Int?
        package var uri: String?
    }
    /// A structure element: its role, depth in the tree, alternative and actual texts, and marked-content count.
    package struct Element: Decodable, Sendable {
        package var role: String
        package var depth: Int
        package var alt: String?
        package var actualText: String?
        package var mcids: Int
    }
    /// The page count pypdf reads.
    package var pages: Int
    /// Each page's label.
    package var labels: [String]
    /// The catalog's /Lang.
    package var lang: String
    /// The information dictionary, keys without their slash.
    package var info: [String: String]
    /// The XMP packet's properties by local name (an array's first item for arrays).
    package var xmp: [String: String]
    /// The catalog's /ViewerPreferences.
    package var viewerPreferences: [String: String]
    /// The outline, depth first.
    package var outline: [OutlineEntry]
    /// Each named destination's page (1-based).
    package var destinations: [String: Int]
    /// Every link annotation, page by page.
    package var links: [LinkAnnotation]
    /// The structure tree, depth first.
    package var structure: [Element]
    /// Whether the trailer has /ID.
    package var hasID: Bool
    /// The output intent's entries other than its profile.
    package var outputIntent: [String: String]
    /// The largest difference in Lab between the PDF's output profile and Little CMS's own sRGB, over test colours.
    package var profileDeviation: Double?
    /// How many image XObjects ask the viewer to smooth them (/Interpolate true, which PDF/A forbids).
    package var interpolatedImages: Int
    /// The pages pdfminer interpreted.
    package var pdfminerPages: Int
    /// The outline entries pdfminer reads.
    package var pdfminerOutline: Int
    /// Warnings either reader logged (empty for a clean file).
    package var warnings: [String]
}

extension TestSupport {
    /// Checks `url` with qpdf, pypdf (strict) and pdfminer (no fallback) and returns what they read; throws if
    /// any of them finds a problem or logs a warning, or if the tools cannot be set up.
    @discardableResult
    package static func inspectPDF(_ url: URL) throws -> PDFFacts {
        if let problems = try qpdfProblems(url) { throw TestFailure("qpdf --check \(url.lastPathComponent): \(problems)") }
        let python = try PythonTools.shared.python()
        let result = try run(python, ["-c", PythonTools.inspectionScript, url.path])
        guard result.status == 0 else { throw TestFailure("inspecting \(url.lastPathComponent) failed:\n\(result.error)") }
        let facts = try JSONDecoder().decode(PDFFacts.self, from: Data(result.output.utf8))
        guard facts.warnings.isEmpty else { throw TestFailure("\(url.lastPathComponent): \(facts.warnings.joined(separator: "\n"))") }
        return facts
    }
}

/// A virtual environment of pinned Python packages in ~/.cache, made on first use and reused after.
final class PythonTools: @unchecked Sendable {
    /// pypdf, pdfminer.six and Pillow, in ~/.cache/mawjaz-pdf-tools.
    static let shared = PythonTools(folder: "mawjaz-pdf-tools", requirements: ["pypdf==7.1.0", "pdfminer.six==20260107", "pillow==13.0.0"])
    /// pypdfium2 (PDFium, the engine of Chrome's viewer), in an environment of its own, ~/.cache/mawjaz-pdfium.
    static let pdfium = PythonTools(folder: "mawjaz-pdfium", requirements: ["pypdfium2==5.15.2"])

    /// The environment's folder under ~/.cache.
    let folderName: String
    /// The packages, pinned: a change here makes a new environment.
    let requirements: [String]

    private let lock = NSLock()
    private var ready: String?

    init(folder: String, requirements: [String]) {
        folderName = folder
        self.requirements = requirements
    }

    /// The environment's Python, creating the environment if it is missing.
    func python() throws -> String {
        lock.lock()
        defer { lock.unlock() }
        if let ready { return ready }
        let home = ProcessInfo.processInfo.environment["HOME"] ?? NSTemporaryDirectory()
        let stamp = requirements.joined(separator: " ")
        let folder = URL(fileURLWithPath: home).appendingPathComponent(".cache").appendingPathComponent(folderName)
        let python = folder.appendingPathComponent("bin/python").path
        let stampFile = folder.appendingPathComponent("requirements.txt")
        if (try? String(contentsOf: stampFile, encoding: .utf8)) != stamp || !FileManager.default.isExecutableFile(atPath: python) {
            // Built beside the final place and renamed into it, so a run that stops half way leaves nothing behind.
            let building = URL(fileURLWithPath: folder.path + ".building-\(ProcessInfo.processInfo.processIdentifier)")
            try? FileManager.default.removeItem(at: building)
            try FileManager.default.createDirectory(at: building.deletingLastPathComponent(), withIntermediateDirectories: true)
            let venv = try TestSupport.run("python3", ["-m", "venv", building.path])
            guard venv.status == 0 else { throw TestFailure("python3 -m venv failed (is python3-venv installed?):\n\(venv.error)") }
            let pip = try TestSupport.run(building.appendingPathComponent("bin/pip").path,
                                          ["install", "--quiet", "--disable-pip-version-check"] + requirements)
            guard pip.status == 0 else { throw TestFailure("pip install \(stamp) failed:\n\(pip.output)\(pip.error)") }
            try Data(stamp.utf8).write(to: building.appendingPathComponent("requirements.txt"))
            // Its bin/python finds the packages through the pyvenv.cfg beside it, wherever the folder is.
            try? FileManager.default.removeItem(at: folder)
            try FileManager.default.moveItem(at: building, to: folder)
        }
        ready = python
        return python
    }

    /// Reads a PDF with pypdf (strict) and pdfminer (no fallback) and prints what they found as JSON.
    static let inspectionScript = #"""
import io, json, logging, re, sys, warnings as pywarnings
import xml.etree.ElementTree as ET

logged = []
class Collect(logging.Handler):
    def emit(self, record):
        logged.append(record.name + ": " + record.getMessage())
handler = Collect(level=logging.WARNING)
logging.getLogger().addHandler(handler)
logging.getLogger().setLevel(logging.WARNING)
pywarnings.simplefilter("error")

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject
from pdfminer.converter import TextConverter
from pdfminer.layout import LAParams
from pdfminer.pdfdocument import PDFDocument, PDFNoOutlines
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from PIL import Image, ImageCms

path = sys.argv[1]
out = {}
reader = PdfReader(path, strict=True)
root = reader.trailer["/Root"]
out["pages"] = len(reader.pages)
for page in reader.pages:
    page.extract_text()
out["labels"] = list(reader.page_labels)
out["lang"] = str(root.get("/Lang", ""))
out["info"] = {key.lstrip("/"): str(value) for key, value in (reader.metadata or {}).items()}
out["viewerPreferences"] = {key.lstrip("/"): str(value) for key, value in root.get("/ViewerPreferences", {}).items()}
out["hasID"] = "/ID" in reader.trailer

xmp = {}
if "/Metadata" in root:
    tree = ET.fromstring(root["/Metadata"].get_object().get_data())
    parents = {child: parent for parent in tree.iter() for child in parent}
    for element in tree.iter():
        text = (element.text or "").strip()
        if not text:
            continue
        owner = parents[parents[element]] if element.tag.endswith("}li") else element
        xmp[owner.tag.split("}")[-1]] = text
out["xmp"] = xmp

destinations = {name: reader.get_destination_page_number(dest) + 1 for name, dest in reader.named_destinations.items()}
out["destinations"] = destinations

def outline(items, level):
    for item in items:
        if isinstance(item, list):
            yield from outline(item, level + 1)
        else:
            yield {"level": level, "title": item.title, "page": reader.get_destination_page_number(item) + 1}
out["outline"] = list(outline(reader.outline, 1))

links = []
for number, page in enumerate(reader.pages, 1):
    for annotation in page.get("/Annots") or []:
        annotation = annotation.get_object()
        if annotation.get("/Subtype") != "/Link":
            continue
        link = {"page": number, "flags": int(annotation.get("/F", 0))}
        if "/Dest" in annotation:
            name = str(annotation["/Dest"])
            link["destination"] = name
            link["destinationPage"] = destinations.get(name)
        if "/A" in annotation:
            link["uri"] = str(annotation["/A"].get("/URI"))
        links.append(link)
out["links"] = links

structure = []
def walk(kids, depth):
    if not isinstance(kids, (list, ArrayObject)):
        kids = [kids]
    for kid in kids:
        element = kid.get_object() if isinstance(kid, IndirectObject) else kid
        if isinstance(element, DictionaryObject) and "/S" in element:
            inner = element.get("/K", [])
            inner = inner if isinstance(inner, (list, ArrayObject)) else [inner]
            mcids = sum(1 for k in inner if isinstance(k, int) or (isinstance(k, DictionaryObject) and k.get("/Type") == "/MCR"))
            alt, actual = element.get("/Alt"), element.get("/ActualText")
            structure.append({"role": str(element["/S"]).lstrip("/"), "depth": depth, "alt": str(alt) if alt is not None else None,
                              "actualText": str(actual) if actual is not None else None, "mcids": mcids})
            walk(inner, depth + 1)
if "/StructTreeRoot" in root:
    walk(root["/StructTreeRoot"].get_object().get("/K", []), 0)
out["structure"] = structure

# Every marked-content sequence on a page belongs, through the parent tree, to an element that lists it.
if "/StructTreeRoot" in root:
    tree = root["/StructTreeRoot"].get_object()
    numbers = tree["/ParentTree"].get_object()["/Nums"] if "/ParentTree" in tree else []
    parents = {int(numbers[i]): numbers[i + 1].get_object() for i in range(0, len(numbers), 2)}
    for number, page in enumerate(reader.pages, 1):
        page_id = page.indirect_reference.idnum
        contents = page.get_contents()
        mcids = [int(m) for m in re.findall(rb"/MCID\s+(\d+)\s*>>\s*BDC", contents.get_data())] if contents is not None else []
        owners = parents.get(page.get("/StructParents"), [])
        if len(owners) != len(mcids) or len(set(mcids)) != len(mcids):
            logged.append(f"page {number}: {len(mcids)} marked-content sequences, {len(owners)} in the parent tree")
            continue
        for mcid in mcids:
            owner = owners[mcid].get_object()
            kids = owner.get("/K")
            kids = kids if isinstance(kids, (list, ArrayObject)) else [kids]
            listed = any((isinstance(k, int) and k == mcid and owner.raw_get("/Pg").idnum == page_id)
                         or (isinstance(k, DictionaryObject) and k.get("/MCID") == mcid and k.raw_get("/Pg").idnum == page_id)
                         for k in kids)
            if not listed:
                logged.append(f"page {number}: marked content {mcid} is not listed by its element {owner.get('/S')}")

intent = {}
deviation = None
for entry in root.get("/OutputIntents", []):
    entry = entry.get_object()
    intent = {key.lstrip("/"): str(value) for key, value in entry.items() if key != "/DestOutputProfile"}
    profile = ImageCms.ImageCmsProfile(io.BytesIO(entry["/DestOutputProfile"].get_object().get_data()))
    lab = ImageCms.createProfile("LAB", 5000)
    colours = [(255, 0, 0), (0, 255, 0), (0, 0, 255), (128, 128, 128), (200, 150, 30), (255, 255, 255)]
    image = Image.new("RGB", (len(colours), 1))
    image.putdata(colours)
    ours = ImageCms.applyTransform(image, ImageCms.buildTransform(profile, lab, "RGB", "LAB"))
    reference = ImageCms.applyTransform(image, ImageCms.buildTransform(ImageCms.createProfile("sRGB"), lab, "RGB", "LAB"))
    deviation = max(abs(a - b) for x in range(len(colours)) for a, b in zip(ours.getpixel((x, 0)), reference.getpixel((x, 0))))
out["outputIntent"] = intent

def images(resources):
    for xobject in (resources or {}).get("/XObject", {}).values():
        xobject = xobject.get_object()
        if xobject.get("/Subtype") == "/Image":
            yield xobject
        else:
            yield from images(xobject.get("/Resources"))
out["interpolatedImages"] = sum(1 for page in reader.pages for image in images(page.get("/Resources")) if image.get("/Interpolate", False) == True)
out["profileDeviation"] = deviation

with open(path, "rb") as stream:
    document = PDFDocument(PDFParser(stream), fallback=False)
    manager = PDFResourceManager()
    text = io.StringIO()
    device = TextConverter(manager, text, laparams=LAParams())
    interpreter = PDFPageInterpreter(manager, device)
    count = 0
    for page in PDFPage.create_pages(document):
        interpreter.process_page(page)
        count += 1
    out["pdfminerPages"] = count
    try:
        out["pdfminerOutline"] = len(list(document.get_outlines()))
    except PDFNoOutlines:
        out["pdfminerOutline"] = 0

out["warnings"] = logged
print(json.dumps(out, ensure_ascii=False))
"""#
}
