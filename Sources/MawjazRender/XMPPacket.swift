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

    private func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}
