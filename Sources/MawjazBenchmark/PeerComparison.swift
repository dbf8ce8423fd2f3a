// Reads the peers' results (bench/peers/run_all.sh) and sets Mawjaz's figure beside theirs.
import Foundation

/// The peers' in-process figures for the brief, with Mawjaz's ratio to each.
struct PeerComparison {
    struct Row { var peer: String; var milliseconds: Double }
    var rows: [Row]
    var mawjaz: Double

    /// Reads `summary.brief[].inproc_ms` from the peers' results.json.
    init(resultsFile: String, mawjaz: Double) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: resultsFile))
        let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let brief = (json?["summary"] as? [String: Any])?["brief"] as? [[String: Any]] ?? []
        rows = brief.compactMap { entry in
            guard let peer = entry["peer"] as? String, let ms = entry["inproc_ms"] as? Double else { return nil }
            return Row(peer: peer, milliseconds: ms)
        }
        self.mawjaz = mawjaz
    }

    var table: String {
        var lines = ["| peer | in-process ms/doc | peer ÷ Mawjaz |", "|---|---|---|",
                     String(format: "| Mawjaz | %.2f | 1.00 |", mawjaz)]
        for row in rows {
            lines.append(String(format: "| %@ | %.2f | %.2f |", row.peer, row.milliseconds, row.milliseconds / mawjaz))
        }
        return lines.joined(separator: "\n")
    }
}
