// The template file's schema: each field read from YAML onto a `Template`, with located errors.
import Foundation
import MawjazData
import MawjazFrame
import MawjazLanguage

/// Applies template YAML (a template file, or a report's overrides) onto a template.
enum TemplateFields {
    static let topLevel = ["name", "page", "fonts", "colors", "header", "footer", "banner", "spacing", "numbered-headings", "chart-height",
                           "letterhead", "title-page", "description"]
    static let roleNames: [String: TextRole] = [
        "title": .title, "subtitle": .subtitle, "date": .date, "heading1": .heading1, "heading2": .heading2,
        "heading3": .heading3, "body": .body, "caption": .caption, "table": .table, "table-header": .tableHeader,
        "chart": .chart, "chart-title": .chartTitle, "banner": .banner, "header": .header, "footer": .footer,
        "fact-value": .factValue, "fact-label": .factLabel, "timeline-date": .timelineDate, "note": .note,
    ]
    static let pageSizes: [String: Size] = ["A4": PageSetup.a4, "A5": PageSetup.a5, "Letter": PageSetup.letter]

    /// Applies `root` onto `template`; files it names (the letterhead's logo) resolve against `folder`.
    static func apply(_ root: LocatedNode, to template: inout Template, reader: inout YAMLReader, folder: URL) {
        guard let fields = reader.mapping(root, allowedKeys: topLevel) else { return }
        for (key, node) in fields {
            switch key {
            case "name": if let name = reader.string(node) { template.name = name }
            case "description": if let summary = reader.string(node) { template.summary = summary }
            case "page": applyPage(node, to: &template.page, reader: &reader)
            case "fonts": applyFonts(node, to: &template, reader: &reader, folder: folder)
            case "colors": applyColors(node, to: &template.palette, reader: &reader)
            case "header": applyRunning(node, to: &template.header, reader: &reader)
            case "footer": applyRunning(node, to: &template.footer, reader: &reader)
            case "banner": if let value = reader.boolean(node) { template.banner = value }
            case "numbered-headings": if let value = reader.boolean(node) { template.numberedHeadings = value }
            case "chart-height": if let value = reader.number(node, in: 40...600) { template.chartHeight = value }
            case "title-page": if let value = reader.choice(node, as: TitlePage.self) { template.titlePage = value }
            case "letterhead": applyLetterhead(node, to: &template, reader: &reader, folder: folder)
            default: applySpacing(node, to: &template.spacing, reader: &reader)
            }
        }
    }

    private static func applyLetterhead(_ node: LocatedNode, to template: inout Template, reader: inout YAMLReader, folder: URL) {
        guard let fields = reader.mapping(node, allowedKeys: ["logo", "image", "arabic", "english", "height"]) else { return }
        var letterhead = template.letterhead ?? Letterhead()
        for (key, value) in fields {
            switch key {
            case "arabic": letterhead.arabic = reader.string(value, allowEmpty: true) ?? ""
            case "english": letterhead.english = reader.string(value, allowEmpty: true) ?? ""
            case "height": if let height = reader.number(value, in: 30...200) { letterhead.height = height }
            default:
                guard let path = reader.string(value) else { continue }
                let resolved = reader.files.resolve(path, against: folder)
                let what: FileKind = key == "logo" ? .letterheadLogo : .letterheadImage
                guard let data = reader.readNamedFile(resolved, what: what, at: value.location, field: value.path) else { continue }
                guard ImageBox.inspect([UInt8](data)) != nil else {
                    reader.log.error(value.location, field: value.path, .notAnImage(path: Message.pathExcerpt(resolved)))
                    continue
                }
                if key == "logo" {
                    letterhead.logo = [UInt8](data)
                    letterhead.logoSource = value.location
                } else {
                    letterhead.image = [UInt8](data)
                    letterhead.imageSource = value.location
                }
                if reader.files.isDisk { template.inputFiles.append(resolved) }
            }
        }
        template.letterhead = letterhead
    }

    private static func applyPage(_ node: LocatedNode, to page: inout PageSetup, reader: inout YAMLReader) {
        let keys = ["size", "orientation", "margins", "double-sided", "columns", "column-gap"]
        guard let fields = reader.mapping(node, allowedKeys: keys) else { return }
        var landscape: Bool?
        for (key, value) in fields {
            switch key {
            case "size":
                if value.isSequence, let items = reader.sequence(value) {
                    let numbers = items.compactMap { reader.number($0, in: 72...3000) }
                    if numbers.count == 2 { page.size = Size(width: numbers[0], height: numbers[1]) }
                    else if numbers.count == items.count {
                        reader.log.error(value.location, field: value.path, .pageSizeShape)
                    }
                } else if let name = reader.string(value) {
                    if let size = pageSizes.first(where: { $0.key.lowercased() == name.lowercased() })?.value { page.size = size } else {
                        reader.log.error(value.location, field: value.path,
                                         .unknownPageSize(Message.excerpt(name), suggestion: Suggestion.closest(to: name, among: Array(pageSizes.keys))))
                    }
                }
            case "orientation":
                if let name = reader.string(value) {
                    switch name {
                    case "portrait": landscape = false
                    case "landscape": landscape = true
                    default: reader.log.error(value.location, field: value.path, .orientation)
                    }
                }
            case "margins":
                guard let margins = reader.mapping(value, allowedKeys: ["top", "bottom", "inside", "outside"]) else { continue }
                for (side, amount) in margins {
                    guard let points = reader.number(amount, in: 14...300) else { continue }
                    switch side {
                    case "top": page.top = points
                    case "bottom": page.bottom = points
                    case "inside": page.inside = points
                    default: page.outside = points
                    }
                }
            case "double-sided": if let flag = reader.boolean(value) { page.doubleSided = flag }
            case "columns": if let count = reader.integer(value, in: 1...3) { page.columns = count }
            default: if let gap = reader.number(value, in: 0...100) { page.columnGap = gap }
            }
        }
        if let landscape {
            let long = max(page.size.width, page.size.height), short = min(page.size.width, page.size.height)
            page.size = landscape ? Size(width: long, height: short) : Size(width: short, height: long)
        }
        if page.inside + page.outside > page.size.width - 72 || page.top + page.bottom > page.size.height - 72 {
            reader.log.error(node.location, field: node.path, .marginsTooWide)
        }
    }

    /// Applies a `fonts:` mapping (of a template, a report's template overrides, or a report's own `fonts:`);
    /// the folders of `path` resolve against `folder`.
    static func applyFonts(_ node: LocatedNode, to template: inout Template, reader: inout YAMLReader, folder: URL) {
        guard let fields = reader.mapping(node, allowedKeys: ["arabic", "latin", "roles", "path"]) else { return }
        for (key, value) in fields {
            switch key {
            case "arabic": if let family = reader.string(value) { template.arabicFamily = family }
            case "latin": if let family = reader.string(value) { template.latinFamily = family }
            case "path": applyFontFolders(value, to: &template, reader: &reader, folder: folder)
            default:
                guard let roles = reader.mapping(value, allowedKeys: roleNames.keys.sorted()) else { continue }
                for (name, roleNode) in roles {
                    guard let role = roleNames[name] else { continue }
                    var style = template.style(role)
                    applyRole(roleNode, to: &style, reader: &reader)
                    template.roles[role] = style
                }
            }
        }
    }

    /// `path: DIR` or `path: [DIR, …]`: folders of an office's own fonts, each holding at least one font file.
    private static func applyFontFolders(_ node: LocatedNode, to template: inout Template, reader: inout YAMLReader, folder: URL) {
        guard let paths = reader.strings(node) else { return }
        for path in paths {
            // A report supplied in memory (a service's request) reads nothing from the disk: the bundled fonts only.
            guard reader.files.isDisk else {
                reader.log.error(node.location, field: node.path, .fontFolderInMemory(Message.pathExcerpt(path)))
                continue
            }
            let url = (path.hasPrefix("/") ? URL(fileURLWithPath: path) : folder.appendingPathComponent(path)).standardizedFileURL
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue else {
                reader.log.error(node.location, field: node.path, .fontFolderMissing(Message.pathExcerpt(url.path)))
                continue
            }
            let files = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            guard files.contains(where: { ["ttf", "otf", "ttc"].contains(($0 as NSString).pathExtension.lowercased()) }) else {
                reader.log.error(node.location, field: node.path, .fontFolderEmpty(Message.pathExcerpt(url.path)))
                continue
            }
            if !template.fontFolders.contains(url) { template.fontFolders.append(url) }
        }
    }

    private static func applyRole(_ node: LocatedNode, to style: inout RoleStyle, reader: inout YAMLReader) {
        guard let fields = reader.mapping(node, allowedKeys: ["family", "size", "bold", "italic", "color", "line-height"]) else { return }
        for (key, value) in fields {
            switch key {
            case "family": if let families = reader.strings(value) { style.families = families }
            case "size": if let size = reader.number(value, in: 4...96) { style.size = size }
            case "bold": if let flag = reader.boolean(value) { style.bold = flag }
            case "italic": if let flag = reader.boolean(value) { style.italic = flag }
            case "color": if let color = readColor(value, reader: &reader) { style.color = color }
            default: if let height = reader.number(value, in: 0.8...4) { style.lineHeight = height }
            }
        }
    }

    private static func applyColors(_ node: LocatedNode, to palette: inout Palette, reader: inout YAMLReader) {
        let keys = ["accent", "text", "muted", "rule", "table-header", "zebra", "box", "banner-text", "banner-background", "series"]
        guard let fields = reader.mapping(node, allowedKeys: keys) else { return }
        for (key, value) in fields {
            if key == "series" {
                guard let items = reader.sequence(value) else { continue }
                let colors = items.compactMap { readColor($0, reader: &reader) }
                if colors.count == items.count, !colors.isEmpty { palette.series = colors }
                continue
            }
            guard let color = readColor(value, reader: &reader) else { continue }
            switch key {
            case "accent": palette.accent = color
            case "text": palette.text = color
            case "muted": palette.muted = color
            case "rule": palette.rule = color
            case "table-header": palette.tableHeader = color
            case "zebra": palette.zebra = color
            case "box": palette.boxBackground = color
            case "banner-text": palette.bannerText = color
            default: palette.bannerBackground = color
            }
        }
    }

    static func readColor(_ node: LocatedNode, reader: inout YAMLReader) -> Color? {
        guard let text = reader.string(node) else { return nil }
        if let color = Color(hex: text) { return color }
        reader.log.error(node.location, field: node.path, .notAColour(Message.excerpt(text)))
        return nil
    }

    private static func applyRunning(_ node: LocatedNode, to running: inout RunningText, reader: inout YAMLReader) {
        guard let fields = reader.mapping(node, allowedKeys: ["start", "center", "end"]) else { return }
        for (key, value) in fields {
            let text = reader.string(value, allowEmpty: true) ?? ""
            running.sources[key] = (value.location, value.path)
            switch key {
            case "start": running.start = text
            case "center": running.center = text
            default: running.end = text
            }
        }
    }

    private static func applySpacing(_ node: LocatedNode, to spacing: inout Spacing, reader: inout YAMLReader) {
        guard let fields = reader.mapping(node, allowedKeys: ["paragraph", "block", "heading-before", "heading-after"]) else { return }
        for (key, value) in fields {
            guard let points = reader.number(value, in: 0...200) else { continue }
            switch key {
            case "paragraph": spacing.paragraph = points
            case "block": spacing.block = points
            case "heading-before": spacing.headingBefore = points
            default: spacing.headingAfter = points
            }
        }
    }
}
