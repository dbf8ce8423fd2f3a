// SVG identifiers that cairo numbers process-wide, renumbered per file.
@testable import MawjazRender
import Testing

@Suite struct SVGIdentifiersTests {
    static func renumbered(_ text: String) -> String {
        String(decoding: Array(text.utf8).withUnsafeBufferPointer(SVGIdentifiers.renumber), as: UTF8.self)
    }

    @Test func surfacesAndImagesCountFromOneInOrderOfAppearance() {
        let svg = ##"<image id="image567" w="1"/><image id="image12"/><g id="surface563"><use xlink:href="#image567"/><use xlink:href="#image12"/><use xlink:href="#image567"/></g>"##
        #expect(Self.renumbered(svg)
            == ##"<image id="image1" w="1"/><image id="image2"/><g id="surface1"><use xlink:href="#image1"/><use xlink:href="#image2"/><use xlink:href="#image1"/></g>"##)
    }

    @Test func otherIdentifiersAndTextAreLeftAlone() {
        let svg = ##"<symbol id="glyph0-1"><path d="M 1 2"/></symbol><clipPath id="clip3"/><use xlink:href="#glyph0-1"/><g id="surfaces"/><a href="#image"/><x name="image4"/><x id="image"/>"##
        #expect(Self.renumbered(svg) == svg)
    }
}
