/**
 * Known files of a code-set folder, with the SHA-256 published in the data README.
 *
 * Invariants:
 * - Paths are relative to the code-set folder and use `/`; the layout is the one of
 *   /work/shared/data (and of the folder the CLI fills).
 * - `required` files must be present for the server to validate codes; optional files
 *   (FY2027 change lists, Excludes notes, addenda) only add features and degrade gracefully.
 */
export interface KnownFile {
  path: string;
  sha256: string;
  bytes: number;
  required: boolean;
  /** Loaded by loadCodeSets (others are documentation kept alongside). */
  loaded: boolean;
}

export const KNOWN_FILES: readonly KnownFile[] = [
  { path: 'icd10cm/icd10cm_order_2026.txt', bytes: 14694719, required: true, loaded: true, sha256: '6dc95c9c7e96c734806e1682f4bf9df76251d60e99199bba0d375ba3dd11026b' },
  { path: 'icd10cm/icd10cm_order_addenda_2026.txt', bytes: 116438, required: false, loaded: false, sha256: '19fc109e579aedd793a40a0a18295dd167b82205e10525573ddfe85138674f16' },
  { path: 'icd10cm/icd10cm_codes_addenda_2026.txt', bytes: 56039, required: false, loaded: false, sha256: '8524d0dcbbb2ecf36223086134d47e3574ddfa6a54ebbe5351782578d99fd2c8' },
  { path: 'icd10cm/fy2027-changes/added.csv', bytes: 31918, required: false, loaded: true, sha256: 'd11fd28a39181b65c666355de32bd892af0230f681f869f4540dc529a95d80bd' },
  { path: 'icd10cm/fy2027-changes/deleted.csv', bytes: 3209, required: false, loaded: true, sha256: 'ecfdfef75b9c89c1f093562b6feb8cfbb472ba96ef219ae72e2224b8977eeda1' },
  { path: 'icd10cm/fy2027-changes/revised.csv', bytes: 967, required: false, loaded: true, sha256: 'c4d073a5078abfc823fac2f0f692c4238e9c706eb1a4a6d642fd90eaa914ad5e' },
  { path: 'icd10cm/fy2027-changes/billable-status-changes.csv', bytes: 1195, required: false, loaded: true, sha256: 'ebe63ea2264b9fd121af07e8f20e72483aa3cfa3668093d64535af351ba16f48' },
  { path: 'icd10cm/excludes/fy2027-excludes1.csv', bytes: 632520, required: false, loaded: true, sha256: 'e053f74cff83457efbd52a0ae8cdcbaeed577be524fbeaac68342b3a018ae725' },
  { path: 'icd10cm/excludes/fy2027-excludes2.csv', bytes: 302692, required: false, loaded: true, sha256: '65002e99357d043a33810f660f3cb0f87266ee58c0a1cbf8f43d1d982382488e' },
  { path: 'icd10pcs/icd10pcs_order_2026.txt', bytes: 12221793, required: true, loaded: true, sha256: '4ff173041491c6a68c13b8810f0e1968b6f0d00c3ecc1deac74f7ad3439dfcc1' },
  { path: 'icd10pcs/order_addenda_2026.txt', bytes: 36918, required: false, loaded: false, sha256: 'fdfc6740ad6da86ab78442a761de53087d9e3fa120ed64210fb6d6af3d2d0e4c' },
  { path: 'hcpcs/HCPC2026_JAN_ANWEB_01122026.txt', bytes: 5350232, required: true, loaded: true, sha256: '1a9ce53ae6546c54e8150fc51b25d2b3e3eeefbca657c2ab2f7f1d7888a2239e' },
  { path: 'hcpcs/HCPC2026_recordlayout.txt', bytes: 62138, required: false, loaded: false, sha256: '7297dbafc72c6660425b90ea9dbd99a7bde09e8ee0a683d6982962796f58fcc6' },
  { path: 'icd10cm/tabular/icd10cm-tabular-April-1-2026.xml', bytes: 9747661, required: false, loaded: true, sha256: 'f161f8182aff3ce3a2a78e202f8259c08eaee2c670a9e45b0072445c52302935' },
  { path: 'icd10pcs/index/pcs-index-main-terms-fy2025.csv', bytes: 530230, required: false, loaded: true, sha256: '3d4a908ba3c94eca778886c0880ca8b17be6ecfe5461b41e0eaf6f0aec85c00b' },
  { path: 'ms-drg/fy2026/table-6I-mcc-list.txt', bytes: 305543, required: false, loaded: true, sha256: 'a2e37c5b1a1239c28d3afd7df3a7dad7f2eba48e0bec68dadd1fcdfb4731955d' },
  { path: 'ms-drg/fy2026/table-6J-cc-list.txt', bytes: 1413352, required: false, loaded: true, sha256: 'f2f4902806d1f4032dd929b098183c44dd0db4f1c5888d5c3145ffb21238d28e' },
  { path: 'ms-drg/fy2026/table-6K-cc-exclusions.txt', bytes: 16992492, required: false, loaded: true, sha256: 'ed98ee23e540ddbc60ddf45a3a5e4fd67c03d111a8606163aa589a9f7cdd99b7' },
  { path: 'ms-drg/fy2026/table-5-drg-weights.txt', bytes: 73088, required: false, loaded: false, sha256: 'bf8c390d14b3cd3e9f03b784488d28aa3bfb4b199ac5867836cf5d8e98373d92' }
];

export const FILES = {
  cmOrder: 'icd10cm/icd10cm_order_2026.txt',
  added: 'icd10cm/fy2027-changes/added.csv',
  deleted: 'icd10cm/fy2027-changes/deleted.csv',
  revised: 'icd10cm/fy2027-changes/revised.csv',
  billableChanges: 'icd10cm/fy2027-changes/billable-status-changes.csv',
  excludes1: 'icd10cm/excludes/fy2027-excludes1.csv',
  excludes2: 'icd10cm/excludes/fy2027-excludes2.csv',
  pcsOrder: 'icd10pcs/icd10pcs_order_2026.txt',
  hcpcs: 'hcpcs/HCPC2026_JAN_ANWEB_01122026.txt',
  tabular: 'icd10cm/tabular/icd10cm-tabular-April-1-2026.xml',
  pcsIndex: 'icd10pcs/index/pcs-index-main-terms-fy2025.csv',
  mcc: 'ms-drg/fy2026/table-6I-mcc-list.txt',
  cc: 'ms-drg/fy2026/table-6J-cc-list.txt',
  ccExclusions: 'ms-drg/fy2026/table-6K-cc-exclusions.txt'
} as const;

export function knownByBasename(name: string): KnownFile | undefined {
  return KNOWN_FILES.find((f) => f.path.split('/').pop() === name);
}
