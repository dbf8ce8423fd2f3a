// Reads templates from YAML files in Templates/, and applies a report's overrides on top.
import Foundation
import MawjazData
import MawjazFrame
import MawjazLanguage

/// Loads templates, reporting problems with file, line and column. Template files are read once and kept,
/// until the file changes.
package final class TemplateLoader {
    /// The folder of named templates (Mawjaz's `Templates/`).
    package let folder: URL
    private var loaded: [String: (modified: timespec, template: Template)] = [:]

    package init(folder: URL) { self.folder = folder }

    /// The names of the templates in the folder.
    package var names: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// The template a report names, with the report's overrides applied.
    package func template(for report: Report) throws(DataError) -> Template {
        let url: URL
        var modified: timespec?
        if report.template.hasSuffix(".yaml"), !report.files.isDisk {
            return try suppliedTemplate(for: report)
        } else if report.template.hasSuffix(".yaml") {
            let reportFolder = URL(fileURLWithPath: report.file).deletingLastPathComponent()
            url = URL(fileURLWithPath: report.files.resolve(report.template, against: reportFolder))
        } else {
            url = folder.appendingPathComponent("\(report.template).yaml")
            // A name is a file of the templates folder itself: one with a folder in it (`../x`) names none.
            let plainName = !report.template.contains("/") && !report.template.contains("\\") && !report.template.hasPrefix(".")
            // The one `stat` that finds the file also tells whether the copy kept is still current.
            modified = plainName ? Self.modificationTime(of: url.path) : nil
            guard modified != nil else {
                let location = report.templateSource ?? report.templateOverrides?.node.location ?? SourceLocation(file: report.file)
                let suggestion = Suggestion.closest(to: report.template, among: names)
                // A report sent to a service is not told where the server keeps its templates.
                throw DataError(Diagnostic(at: location, field: "template", report.files.isDisk
                    ? .noTemplate(Message.pathExcerpt(report.template), folder: Message.pathExcerpt(folder.path), suggestion: suggestion,
                                  templates: Message.listExcerpt(names))
                    : .noSuchTemplate(Message.pathExcerpt(report.template), suggestion: suggestion, templates: Message.listExcerpt(names))))
            }
        }
        return try applyingOverrides(of: report, to: try base(at: url, name: report.template, namedAt: report.templateSource, modified: modified))
    }

    /// The template file a report supplied in memory names, read from its supplied files (never kept: the next
    /// report may supply another file of the same name).
    private func suppliedTemplate(for report: Report) throws(DataError) -> Template {
        var reader = YAMLReader(file: report.template, files: report.files)
        let location = report.templateSource ?? report.templateOverrides?.node.location ?? SourceLocation(file: report.file)
        guard let root = reader.load(named: report.template, what: .file, at: location) else {
            throw DataError(reader.log.errors)
        }
        var template = Template.fallback(named: report.template)
        TemplateFields.apply(root, to: &template, reader: &reader, folder: URL(fileURLWithPath: "/"))
        try reader.log.throwIfErrors()
        return try applyingOverrides(of: report, to: template)
    }

    /// `template` with the fields the report overrides.
    private func applyingOverrides(of report: Report, to template: Template) throws(DataError) -> Template {
        guard report.templateOverrides != nil || report.fontOverrides != nil else { return template }
        var template = template
        var overrideReader = YAMLReader(file: report.file, files: report.files)
        let reportFolder = URL(fileURLWithPath: report.file).deletingLastPathComponent()
        if let overrides = report.templateOverrides {
            TemplateFields.apply(overrides.node, to: &template, reader: &overrideReader, folder: reportFolder)
        }
        if let fonts = report.fontOverrides {
            TemplateFields.applyFonts(fonts.node, to: &template, reader: &overrideReader, folder: reportFolder)
        }
        try overrideReader.log.throwIfErrors()
        return template
    }

    /// The template `name` of the folder, as its file has it.
    package func template(named name: String) throws(DataError) -> Template {
        try base(at: folder.appendingPathComponent("\(name).yaml"), name: name)
    }

    /// When the file was last changed (nil when there is no such file), from one `stat`: `attributesOfItem` would
    /// also look up the owner's names in the user database for every document.
    private static func modificationTime(of path: String) -> timespec? {
        var status = stat()
        return stat(path, &status) == 0 ? status.st_mtim : nil
    }

    /// The template file at `url`, read again only when it has changed (`modified`, when the caller has looked already).
    private func base(at url: URL, name: String, namedAt source: SourceLocation? = nil, modified known: timespec? = nil) throws(DataError) -> Template {
        let modified = known ?? Self.modificationTime(of: url.path) ?? timespec()
        if let cached = loaded[url.path], cached.modified.tv_sec == modified.tv_sec, cached.modified.tv_nsec == modified.tv_nsec {
            return cached.template
        }
        var reader = YAMLReader(file: url.path)
        guard let root = reader.load(contentsOf: url, namedAt: source) else { throw DataError(reader.log.errors) }
        var template = Template.fallback(named: name)
        template.inputFiles.append(url.path)
        TemplateFields.apply(root, to: &template, reader: &reader, folder: url.deletingLastPathComponent())
        try reader.log.throwIfErrors()
        loaded[url.path] = (modified, template)
        return template
    }
}

extension Template {
    /// The starting point every template file is applied to: A4, Noto Naskh Arabic and Noto Sans, sober colours.
    static func fallback(named name: String) -> Template {
        let navy = Color(hex: "#1f3a5f") ?? .black
        let body = RoleStyle(size: 11.5, lineHeight: 1.6)
        var roles: [TextRole: RoleStyle] = [:]
        for role in TextRole.allCases { roles[role] = body }
        roles[.title] = RoleStyle(size: 20, bold: true, color: navy, lineHeight: 1.4)
        roles[.subtitle] = RoleStyle(size: 13, color: navy, lineHeight: 1.4)
        roles[.date] = RoleStyle(size: 10.5, color: Color(hex: "#555555") ?? .black)
        roles[.heading1] = RoleStyle(size: 15, bold: true, color: navy, lineHeight: 1.4)
        roles[.heading2] = RoleStyle(size: 13, bold: true, color: navy, lineHeight: 1.4)
        roles[.heading3] = RoleStyle(size: 12, bold: true, lineHeight: 1.4)
        roles[.caption] = RoleStyle(size: 9, color: Color(hex: "#555555") ?? .black, lineHeight: 1.4)
        roles[.table] = RoleStyle(size: 10, lineHeight: 1.4)
        roles[.tableHeader] = RoleStyle(size: 10, bold: true, color: .white, lineHeight: 1.4)
        roles[.chart] = RoleStyle(size: 8.5, color: Color(hex: "#333333") ?? .black, lineHeight: 1.3)
        roles[.chartTitle] = RoleStyle(size: 11, bold: true, color: navy, lineHeight: 1.4)
        roles[.banner] = RoleStyle(size: 10, bold: true, color: Color(hex: "#b00020") ?? .black, lineHeight: 1.2)
        roles[.header] = RoleStyle(size: 8.5, color: Color(hex: "#555555") ?? .black, lineHeight: 1.2)
        roles[.footer] = RoleStyle(size: 8.5, color: Color(hex: "#555555") ?? .black, lineHeight: 1.2)
        roles[.factValue] = RoleStyle(size: 17, bold: true, color: navy, lineHeight: 1.3)
        roles[.factLabel] = RoleStyle(size: 9, color: Color(hex: "#333333") ?? .black, lineHeight: 1.35)
        roles[.timelineDate] = RoleStyle(size: 10.5, bold: true, color: navy, lineHeight: 1.4)
        roles[.note] = RoleStyle(size: 10.5, lineHeight: 1.5)
        let palette = Palette(
            accent: navy, text: .black, muted: Color(hex: "#555555") ?? .black, rule: Color(hex: "#b8c4d6") ?? .black,
            tableHeader: navy, zebra: Color(hex: "#eef2f7") ?? .white, boxBackground: Color(hex: "#f3f6fa") ?? .white,
            bannerText: Color(hex: "#b00020") ?? .black, bannerBackground: nil,
            // Okabe–Ito: told apart by colour-blind readers, and by lightness in greyscale.
            series: ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"].compactMap { Color(hex: $0) })
        return Template(name: name, page: PageSetup(), arabicFamily: "Noto Naskh Arabic", latinFamily: "Noto Sans", roles: roles,
                        palette: palette, header: RunningText(), footer: RunningText(), banner: true,
                        spacing: Spacing(), numberedHeadings: false, chartHeight: 150)
    }
}
