/**
 * Eleventh pass of issue 8 (blind files 45-48 opened after their one measurement): identifiers in
 * other scripts, products read as names, agencies named whole, institutions whose head word is
 * not last. Words here are none of the evaluation files' names.
 */
import { describe, expect, it } from 'vitest';
import { detectPhiInText } from '../../../server/deid/index';

const found = (t: string) => detectPhiInText(t).map((h) => `${h.type} ${h.text}`);
const texts = (t: string) => detectPhiInText(t).map((h) => h.text);

describe('identifiers in another script', () => {
  it('finds Vietnamese names by their letters and a Vietnamese hospital by its head', () => {
    expect(found('Family meeting: pt Phạm Thị Lan and son present.')).toContain('NAME Phạm Thị Lan');
    expect(found('Records from Bệnh viện Bạch Mai, 2019.')).toContain('FACILITY Bệnh viện Bạch Mai');
    expect(texts('Mẹ nói con bị sốt hai ngày.')).toEqual([]);
  });
  it('finds Cyrillic names and numbered institutions', () => {
    expect(found('Мать: Шевченко Ірина Петрівна, тел. нет')).toContain('NAME Шевченко Ірина Петрівна');
    expect(found('Лікар: Бойко А.С.')).toContain('NAME Бойко А.С.');
    expect(found('Выписка: Городская больница №7, отделение')).toContain('FACILITY Городская больница №7');
    expect(texts('Жалобы на кашель.')).toEqual([]);
  });
  it('finds dates in year-month-day characters, also by era, and a name in ideographs', () => {
    expect(found('生年月日 1958年11月2日')).toContain('DATE 1958年11月2日');
    expect(found('受診日 平成30年6月14日')).toContain('DATE 平成30年6月14日');
    // The words around the name ("patient", the honorific) may go with it: the name is covered.
    expect(texts('患者 佐藤 健一 様').join(' ')).toContain('佐藤 健一');
  });
});

describe('products read as names', () => {
  it('are no names when a drug, a model or a compound is among the words', () => {
    for (const t of ['Rec Kcentra 2000 units given.', 'Skip Mupirocin on the donor site.', 'Oximetry by Quellar Rad-87 on the toe.',
      'fitted with a Harlow AeroFlex helmet', 'Drives a silver Toyota Tacoma to work.', 'Vehicle: 2019 Honda CR-V, plate pending']) {
      expect(found(t).filter((f) => /^(?:NAME|CITY)/.test(f)), t).toEqual([]);
    }
  });
  it('keep a person whose name a maker shares, and a business named as a care compound', () => {
    expect(texts('Dr. Ford called back at noon.')).toContain('Ford');
    expect(found('Transferred by Cascadia AirCare to the burn unit.')).toContain('FACILITY Cascadia AirCare');
  });
  it('are no towns after "via" when the gazetteer does not know them', () => {
    expect(found('Order sent via Scriptwell to the pharmacy.')).not.toContain('CITY Scriptwell');
  });
});

describe('agencies and institutions named whole', () => {
  it('takes a town\'s police department or emergency agency whole', () => {
    expect(found('Det. Ana Ruiz, Yakima PD, case 25-1187')).toContain('FACILITY Yakima PD');
    expect(found('Notified by Baldwin County EMA at 0640')).toContain('FACILITY Baldwin County EMA');
  });
  it('takes a state\'s department of something whole, never a state alone', () => {
    expect(found('a hearing with the Iowa Department of Human Services (fax 515-555-0100)')).toContain('FACILITY Iowa Department of Human Services');
    expect(texts('Iowa Medicaid covers it.')).not.toContain('Iowa Medicaid');
  });
  it('takes a facility whose institution word stands before a department word', () => {
    expect(found('accepted to Blue Ridge Regional Burn Center tonight')).toContain('FACILITY Blue Ridge Regional Burn Center');
  });
  it('takes charities, legal aid and food banks by their trade', () => {
    expect(found('referred to Tidewater Legal Aid and Harbor Street Food Bank')).toEqual(expect.arrayContaining(['FACILITY Tidewater Legal Aid', 'FACILITY Harbor Street Food Bank']));
    expect(texts('Interpreter Services paged; Appeals Committee met.')).toEqual([]);
  });
});
