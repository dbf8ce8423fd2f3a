// The data benchmark: a generated activity log of many rows, parsed and aggregated in memory.
import Foundation
import Mawjaz

/// A deterministic CSV log of `rows` activities over 2000–2024, with Arabic titles, quoted fields and CRLF.
func generatedLog(rows: Int) -> [UInt8] {
    let categories = ["تدريبات مشتركة", "تبادلات عسكرية", "اجتماعات القادة", "الاستجابة للكوارث", "تعاون مدني واقتصادي"]
    var text = "date,category,title,location,partner,participants,tags\r\n"
    text.reserveCapacity(rows * 130)
    for index in 0..<rows {
        let year = 2000 + index % 25, month = 1 + index % 12, day = 1 + index % 28
        let month2 = month < 10 ? "0\(month)" : "\(month)", day2 = day < 10 ? "0\(day)" : "\(day)"
        let title = index % 7 == 0 ? "\"تبادل خبرات، \"\"الدفعة\"\" رقم \(index)\"" : "نشاط ثنائي في مجال التدريب رقم \(index)"
        text += "\(year)-\(month2)-\(day2),\(categories[index % categories.count]),\(title),طشقند,الحرس الوطني,\(index % 90),تدريب;تعاون\r\n"
    }
    return Array(text.utf8)
}

/// Median milliseconds to parse the log and to run every aggregation over it.
func benchmarkLargeLog(rows: Int, runs: Int) throws -> (parse: Double, aggregate: Double, size: Int) {
    let bytes = generatedLog(rows: rows)
    var parse: [Double] = [], aggregate: [Double] = []
    for _ in 0..<runs {
        let (log, parsing) = try timed { try ActivityCSV.parse(bytes, file: "generated.csv", name: "activities") }
        guard log.total == rows else { throw MawjazError.output("parsed \(log.total) rows of \(rows)") }
        let (_, aggregating) = timed {
            _ = log.countsByYear()
            _ = log.countsByMonth()
            _ = log.countsByCategory()
            _ = log.countsByYearAndCategory()
            _ = log.cumulativeByYear()
            _ = log.topCategories(3, otherLabel: "أخرى")
            _ = log.change(from: 2020, to: 2021)
        }
        parse.append(parsing)
        aggregate.append(aggregating)
    }
    return (median(parse), median(aggregate), bytes.count)
}
