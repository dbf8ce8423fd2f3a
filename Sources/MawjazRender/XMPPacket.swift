// The XMP metadata packet a PDF/A file carries: the document information again, as RDF, with the PDF/A level.
import MawjazFrame

/// An XMP packet matching a document's information dictionary, declaring PDF/A-2b.
struct XMPPacket {
    let info: DocumentInfo
    /// The Producer the information dictionary names (cairo's), which the packet must repeat exactly.
    let producer: String

    /// The packet as UTF-8, with its header and trailer processing instructions.
    var bytes: [UInt8] {
        let date = PDFAmendment.xmpDate(info.creationDate)
        var properties = ["<dc:format>application/pdf</dc:format>"]
        properties.append("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">\(escaped(info.title))</rdf:li></rdf:Alt></dc:title>")
        if !info.author.isEmpty {
            properties.append("<dc:creator><rdf:Seq><rdf:li>\(escaped(info.author))</rdf:li></rdf:Seq></dc:creator>")
        }
        if !info.subject.isEmpty {
            properties.append("<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">\(escaped(info.subject))</rdf:li></rdf:Alt></dc:description>")
        }
        properties.append("<dc:language><rdf:Bag><rdf:li>\(escaped(info.language))</rdf:li></rdf:Bag></dc:language>")
        if !info.keywords.isEmpty {
            properties.append("<pdf:Keywords>\(escaped(info.keywords.joined(separator: ", ")))</pdf:Keywords>")
        }
        properties += [
            "<pdf:Producer>\(escaped(producer))</pdf:Producer>",
            "<xmp:CreatorTool>\(escaped("Mawjaz \(MawjazVersion.current)"))</xmp:CreatorTool>",
            "<xmp:CreateDate>\(date)</xmp:CreateDate>",
            "<xmp:ModifyDate>\(date)</xmp:ModifyDate>",
            "<xmp:MetadataDate>\(date)</xmp:MetadataDate>",
            "<pdfaid:part>2</pdfaid:part>",
            "<pdfaid:conformance>B</pdfaid:conformance>",
        ]
        let packet = """
            <?xpacket begin="\u{FEFF}" id="W5M0MpCehiHzreSzNTczkc9d"?>
            <x:xmpmeta xmlns:x="adobe:ns:meta/">
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
            <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
            \(properties.joined(separator: "\n"))
            </rdf:Description>
            </rdf:RDF>
            </x:xmpmeta>
            <?xpacket end="w"?>
            """
        return Array(packet.utf8)
    }

    /// `text` with XML's special characters `&`, `<`, `>` and `"` escaped. Read byte by byte (the four are ASCII, never
    /// inside another character's bytes), not character by character: walking a title's grapheme clusters and comparing
    /// each with the four cost some 0.09 M instructions a document.
    private func escaped(_ text: String) -> String {
        let special: (UInt8) -> Bool = {
            $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\"")
        }
        guard text.containsUTF8(where: special) else { return text }
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): result += "&amp;".utf8
            case UInt8(ascii: "<"): result += "&lt;".utf8
            case UInt8(ascii: ">"): result += "&gt;".utf8
            case UInt8(ascii: "\""): result += "&quot;".utf8
            default: result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}
