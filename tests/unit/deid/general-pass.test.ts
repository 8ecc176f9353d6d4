/**
 * General rules of the improvement pass on the de-identification detector (issue 8), one block
 * per class of miss seen on the blind files. The cases use OTHER words than the misses that
 * revealed each class (invented products, other eponyms and names), so a test only passes when
 * the rule is general, and each has a negative that the rule must leave alone.
 */
import { describe, expect, it } from 'vitest';
import { detectPhiInText } from '../../../server/deid/index';
import { isOrdinaryWord } from '../../../server/deid/ordinary';

const found = (text: string) => detectPhiInText(text).map((h) => `${h.type}:${h.text}`);
const texts = (text: string) => detectPhiInText(text).map((h) => h.text);

describe('class 1: clinical terms stay', () => {
  it('reads adjectives and nouns formed from an eponym as clinical words', () => {
    for (const w of ['Cushingoid', 'Parkinsonian', 'Addisonian', 'parkinsonism']) expect(isOrdinaryWord(w), w).toBe(true);
    expect(texts('Exam: Parkinsonian gait, Addisonian hyperpigmentation of the palmar creases.')).toEqual([]);
    // A surname that merely ends the same way is not an eponym form.
    expect(isOrdinaryWord('Okaforian')).toBe(false);
  });

  it('keeps a scale eponym followed by its single-digit stage or grade', () => {
    expect(texts('Genitalia: Tanner 2. Breasts Tanner 3, pubic hair 2.')).toEqual([]);
    expect(texts('Biopsy: Fisher 3 on CT, Hunt 2.')).toEqual([]);
    // A first name before a number with a unit is still a name.
    expect(texts('Seen with Tanner 2 days ago.')).toContain('Tanner');
  });

  it('keeps an eponym before "dance" or "itch" (St. Vitus dance)', () => {
    expect(texts('Grandfather had "St. Quirinus dance" as a child.')).toEqual([]);
  });

  it('keeps a product by its surgical or wound-care context, not a surname', () => {
    expect(texts('Fascia closed with 0 Zorvabond and skin with staples.')).toEqual([]);
    expect(texts('Tx: cleanse, Aquarelle to wound bed, cover with foam.')).toEqual([]);
    expect(texts('Apply Dermasorb to the incision daily.')).toEqual([]);
    expect(found('Referred by Wojciechowska to the wound clinic.')).toContain('NAME:Wojciechowska');
  });
});

describe('class 4: facilities made of ordinary words, and chains', () => {
  it('finds national pharmacy, store and lab chains as places, English-word names only after a place word', () => {
    expect(found('Refills go to the Publix on Colonial Dr; INR drawn at Labcorp.')).toEqual(expect.arrayContaining(['FACILITY:Publix', 'FACILITY:Labcorp']));
    expect(found('Preferred pharmacy: Duane Reade, lab work at Quest last week.')).toEqual(expect.arrayContaining(['FACILITY:Duane Reade', 'FACILITY:Quest']));
    expect(texts('send it to the walgreens by her house')).toContain('walgreens');
    expect(texts('Preferred pharmacy: Walgreens #10233')).toContain('Walgreens #10233');
    // Words that are only words here.
    expect(texts('Giant cell arteritis suspected; quest for a unifying diagnosis; target INR 2-3.')).toEqual([]);
  });

  it('finds facility names ending in care-home, rehabilitation, primary-care, vascular and funeral heads', () => {
    expect(texts('Admitted from Silver Birch Care Home with a UTI.')).toContain('Silver Birch Care Home');
    expect(texts('From: Cedar Knoll Health & Rehabilitation, 12 Mill Rd')).toContain('Cedar Knoll Health & Rehabilitation');
    expect(texts('Letter from Dr. Lee, Oakmont Borough Primary Care.')).toContain('Oakmont Borough Primary Care');
    expect(texts('Cath report - Providence Heart & Vascular')).toContain('Providence Heart & Vascular');
    expect(texts('Arrangements with Brandt & Sons Funeral Home.')).toContain('Brandt & Sons Funeral Home');
    expect(texts('Referral to Ashford Care for respite.')).toContain('Ashford Care');
    // Services made of English words stay.
    expect(texts('Comfort Care was started; Wound Care to see; Primary Care follow-up.')).toEqual([]);
    expect(texts('Patient was sent to Call Center for scheduling.')).toEqual([]);
  });

  it('finds a place named "The ..." after a place word, not a department', () => {
    expect(texts('Lives in memory care at The Birches since May.')).toContain('The Birches');
    expect(texts('Transferred to The Emergency Department.')).toEqual([]);
  });

  it('finds a facility whose ordinary-word or surname name follows a place word', () => {
    expect(texts('PT referral to Meadow Health next week.')).toContain('Meadow Health');
    expect(texts('Case manager at Jackson Center called.')).toContain('Jackson Center');
  });
});

describe('classes 2 and 3: names that are ordinary words or written in lower case, in messages', () => {
  it('finds the speakers of a chat transcript, lower-case ones included, but not a clock time in a note', () => {
    const chat = 'marta 9:14 AM  did u see the denial\nkeisha 9:15 AM  yes, sending\nmarta 9:16 AM  ok';
    expect(texts(chat)).toEqual(expect.arrayContaining(['marta', 'keisha']));
    expect(texts('Vitals 10:00 AM stable, afebrile.')).toEqual([]);
  });

  it('finds a census first name in a self-introduction or a sign-off', () => {
    expect(texts('hi doctor this is tanya, calling about my dad')).toContain('tanya');
    expect(texts('hello its carol from the billing office')).toContain('carol');
    expect(texts('please call back when you can. thanks so much - renee')).toContain('renee');
    expect(texts('this is fine, no change')).toEqual([]);
  });

  it('finds an ordinary-word first name after a relation word, a role in brackets or a title such as Coach', () => {
    expect(texts('Son June at bedside; Granddaughter Summer helps with meds.')).toEqual(expect.arrayContaining(['June', 'Summer']));
    expect(texts('Case manager (Heather) to arrange transport.')).toContain('Heather');
    expect(texts('Here with Coach Baker after the game.')).toContain('Baker');
    expect(texts('Follow up in June with labs.')).toEqual([]);
  });
});

describe('class 5: "Last, First" in tables and lists', () => {
  it('finds "Last, First" closed by a tab, a bracket or the line end when the given name is a census first name', () => {
    expect(texts('Read back by: Morrison, Kayla (RN) at 03:10')).toContain('Morrison, Kayla');
    expect(texts('M1102\tRedhawk, Raymond\t2024-01-02')).toContain('Redhawk, Raymond');
    expect(texts('Assessment, Plan (see below)')).toEqual([]);
  });
});

describe('product compounds and listed eponyms (after the blind holdout-10)', () => {
  it('keeps device and product compounds with an inner capital', () => {
    for (const text of ['Rehab on the TreadClimber for 10 minutes.', 'Interrogated via the PowerLink app, no alerts.', 'Used the StrideWalker today.']) {
      const word = /\b\p{Lu}\p{Ll}+\p{Lu}\p{Ll}+\b/u.exec(text)![0];
      expect(detectPhiInText(text).filter((h) => h.text.includes(word)), text).toEqual([]);
    }
  });
  it('still finds names whose inner capital follows a surname prefix or a first name', () => {
    for (const [text, name] of [['Seen with Keisha McAllister today.', 'McAllister'], ['Daughter LaShonda called back.', 'LaShonda'], ['Spoke with MaryBeth Kowalczyk about rides.', 'MaryBeth']] as const) {
      expect(detectPhiInText(text).some((h) => h.text.includes(name)), text).toBe(true);
    }
  });
  it('never takes a listed eponym in an upper-case list for a name', () => {
    const text = 'INFANT: BOY, DELIVERED BY DR OKONKWO, GREER RN\nWEIGHT 3410 G, BALLARD 39 WKS, APGAR 7/9';
    expect(detectPhiInText(text).filter((h) => /BALLARD|APGAR/.test(h.text))).toEqual([]);
  });
});
