// Scales and series paints on their own: round 1-2-5 ticks, fixed domains, bands from the start side,
// series colours whose greys differ.
import MawjazDocument
import MawjazFrame
@testable import MawjazLayout
import Testing

@Suite struct ScaleTests {
    @Test(arguments: [
        (0.0, 25.0, 5, [0.0, 5, 10, 15, 20, 25]),
        (0, 26, 5, [0, 10, 20, 30]),
        (0, 7, 5, [0, 2, 4, 6, 8]),
        (0, 1, 4, [0, 0.5, 1]),
        (-3, 12, 5, [-5, 0, 5, 10, 15]),
        (0, 0.3, 3, [0, 0.1, 0.2, 0.3]),
        (0, 1_250, 5, [0, 500, 1_000, 1_500]),
    ])
    func niceTicksAreRoundStepsCoveringTheData(low: Double, high: Double, target: Int, expected: [Double]) {
        #expect(LinearScale.niceTicks(minimum: low, maximum: high, targetCount: target) == expected)
    }

    @Test func countsGetWholeSteps() {
        #expect(LinearScale.niceTicks(minimum: 0, maximum: 3, targetCount: 10, wholeNumbers: true) == [0, 1, 2, 3])
        #expect(LinearScale.niceTicks(minimum: 0, maximum: 3, targetCount: 10) == [0, 0.5, 1, 1.5, 2, 2.5, 3])
    }

    @Test func aFixedDomainKeepsTheTicksInsideIt() {
        #expect(LinearScale.ticks(inside: 0...100, targetCount: 5) == [0, 20, 40, 60, 80, 100])
        #expect(LinearScale.ticks(inside: 3...47, targetCount: 4) == [20, 40])
        #expect(LinearScale.ticks(inside: 3...47, targetCount: 8) == [10, 20, 30, 40])
    }

    @Test func ticksAreWrittenWithTheDecimalsTheirStepNeeds() {
        #expect(LinearScale.fractionDigits(of: 5) == 0)
        #expect(LinearScale.fractionDigits(of: 0.5) == 1)
        #expect(LinearScale.fractionDigits(of: 0.2) == 1)
        #expect(LinearScale.fractionDigits(of: 0.05) == 2)
    }

    @Test func positionsAreLinearInEitherDirection() {
        let up = LinearScale(domain: 0...50, range: (200, 100))
        #expect(up.position(0) == 200 && up.position(50) == 100 && up.position(10) == 180)
    }

    @Test func bandsStartOnTheStartSide() {
        let rightToLeft = BandScale(count: 4, start: 400, end: 0, padding: 0.2)
        let leftToRight = BandScale(count: 4, start: 0, end: 400, padding: 0.2)
        #expect(rightToLeft.center(0) == 350 && rightToLeft.center(3) == 50)
        #expect(leftToRight.center(0) == 50 && leftToRight.center(3) == 350)
        #expect(abs(rightToLeft.bandwidth - 80) < 1e-9 && abs(rightToLeft.barMinimum(0) - 310) < 1e-9)
    }

    @Test func theFirstSeriesColoursStayApartInGrey() {
        let okabeIto = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"].compactMap { Color(hex: $0) }
        let palette = Palette(accent: .black, text: .black, muted: .black, rule: .black, tableHeader: .black, zebra: .white,
                              boxBackground: .white, bannerText: .black, bannerBackground: nil, series: okabeIto)
        let colors = palette.seriesColors(count: 3)
        #expect(colors[0] == okabeIto[0], "the first series keeps the palette's first colour")
        for (index, color) in colors.enumerated() {
            for other in colors[(index + 1)...] { #expect(abs(Palette.grey(color) - Palette.grey(other)) >= 0.15) }
            #expect(Palette.grey(color) <= 0.8, "no colour too pale to see on white")
        }
        #expect(Set(palette.seriesColors(count: 8).map { "\($0)" }).count == 8)
        let paints = palette.seriesPaints(count: 4)
        #expect(Set(paints.map { "\($0.dash)" }).count == 4 && Set(paints.map { "\($0.marker)" }).count == 4)
    }
}
