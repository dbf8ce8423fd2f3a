// Prints the text pdf.js (Debian's libjs-pdf) extracts from a PDF, item by item as its viewer's text layer holds it.
const pdfjs = require('/usr/share/nodejs/pdfjs-dist/build/pdf.js');
const fs = require('fs');
(async () => {
  const data = new Uint8Array(fs.readFileSync(process.argv[2]));
  const doc = await pdfjs.getDocument({data, disableFontFace: true}).promise;
  let out = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    let line = '';
    for (const item of content.items) { line += item.str; if (item.hasEOL) { out.push(line); line=''; } }
    if (line) out.push(line);
  }
  console.log(out.join('\n'));
})().catch(e => { console.error(e); process.exit(1); });
