/**
 * Probe texts for facilities, places and loose addresses (issue 8, facilities/places pass 3).
 * Written from the shapes US records use, with names, towns and layouts that appear in no
 * evaluation file (checked by grep when written): each positive is [text, value, type], the value
 * must be covered by exactly that type; each negative must leave the listed term untouched.
 * Shared by unseen-facilities.test.ts and unseen-places.test.ts (checked by unseen-place-helpers.ts).
 */
export type Probe = [text: string, value: string, type: string];
export type Keep = [text: string, term: string];

/** "<Surname|Saint|Town|ordinary words> <head>" with the heads of US records. */
export const HEADED_FACILITIES: Probe[] = [
  ['Transferred from Hargrove Regional Medical Center for cath.', 'Hargrove Regional Medical Center', 'FACILITY'],
  ['PCP is at Pinecrest Family Practice on the east side.', 'Pinecrest Family Practice', 'FACILITY'],
  ['Well-child visits with Ezeobi Pediatrics.', 'Ezeobi Pediatrics', 'FACILITY'],
  ['Follows with Tri-Valley Orthopedics for the knee.', 'Tri-Valley Orthopedics', 'FACILITY'],
  ['Echo read by Vukovich Cardiology Associates last fall.', 'Vukovich Cardiology Associates', 'FACILITY'],
  ['Her primary group is Foothills Physicians Group.', 'Foothills Physicians Group', 'FACILITY'],
  ['Colonoscopy at Stonebridge Surgery Center on Friday.', 'Stonebridge Surgery Center', 'FACILITY'],
  ['Went to Kettle Creek Urgent Care with fever.', 'Kettle Creek Urgent Care', 'FACILITY'],
  ['Discharged to Fernhollow Nursing and Rehab.', 'Fernhollow Nursing and Rehab', 'FACILITY'],
  ['She lives at Juniper Hills Care Center now.', 'Juniper Hills Care Center', 'FACILITY'],
  ['Resident of Larkspur Manor since her fall.', 'Larkspur Manor', 'FACILITY'],
  ['Moved into Whispering Pines Assisted Living in June.', 'Whispering Pines Assisted Living', 'FACILITY'],
  ['Enrolled with Harbor Lights Hospice this week.', 'Harbor Lights Hospice', 'FACILITY'],
  ['Skilled visits by Northstar Home Health twice weekly.', 'Northstar Home Health', 'FACILITY'],
  ['Runs MWF at Rivergate Dialysis.', 'Rivergate Dialysis', 'FACILITY'],
  ['Picked up the refill at Arbuckle Pharmacy.', 'Arbuckle Pharmacy', 'FACILITY'],
  ['Outside MRI from Crestline Imaging reviewed.', 'Crestline Imaging', 'FACILITY'],
  ['Prior stay at Sandhill Behavioral Health for SI.', 'Sandhill Behavioral Health', 'FACILITY'],
  ['Completed 28 days at New Dawn Recovery Center.', 'New Dawn Recovery Center', 'FACILITY'],
  ['Her son is in 3rd grade at Hawthorne Academy.', 'Hawthorne Academy', 'FACILITY'],
  ['Member of Bethel AME Church, pastor visited.', 'Bethel AME Church', 'FACILITY'],
  ['Inpatient rehab at Cobblestone Rehabilitation for 2 weeks.', 'Cobblestone Rehabilitation', 'FACILITY'],
  ['Labs drawn at Tri-State Labs on Monday.', 'Tri-State Labs', 'FACILITY'],
  ['Care coordinated by Grayson Healthcare.', 'Grayson Healthcare', 'FACILITY'],
  ['Establishing care with Cumberland Health System.', 'Cumberland Health System', 'FACILITY'],
  ['Lives at Sweetgum Gardens with her husband.', 'Sweetgum Gardens', 'FACILITY'],
  ['Moved to Tamarack Senior Living after the stroke.', 'Tamarack Senior Living', 'FACILITY'],
  ['Sleeping at Lantern House Mission Shelter lately.', 'Lantern House Mission Shelter', 'FACILITY'],
  ["Brought to St. Brendan's by his wife.", "St. Brendan's", 'FACILITY'],
  ['Records requested from Westbrook Health.', 'Westbrook Health', 'FACILITY'],
  ['Follows at Calloway Family Medicine every 3 months.', 'Calloway Family Medicine', 'FACILITY'],
  ['Inpatient at Copper Ridge Nursing and Rehabilitation.', 'Copper Ridge Nursing and Rehabilitation', 'FACILITY']
];

/** Informal shapes: "the X in Town", a nickname, a campus direction, a short service word. */
export const INFORMAL_FACILITIES: Probe[] = [
  ['She ended up at the Methodist in Kankakee overnight.', 'Methodist', 'FACILITY'],
  ["Mom says he was over at Saint Bart's in the spring.", "Saint Bart's", 'FACILITY'],
  ['Follows with Ridgeline Ortho for the shoulder.', 'Ridgeline Ortho', 'FACILITY'],
  ['Transferred to Baptist North for a bed.', 'Baptist North', 'FACILITY'],
  ['EMS took him to Presbyterian West.', 'Presbyterian West', 'FACILITY'],
  ['Her kids go to Bayfront Peds.', 'Bayfront Peds', 'FACILITY'],
  ['Sees Dr. Lund at Highpoint Cardio.', 'Highpoint Cardio', 'FACILITY'],
  ['Got her shots at the Good Shepherd clinic.', 'Good Shepherd', 'FACILITY'],
  ['Was down at Memorial last week for chest pain.', 'Memorial', 'FACILITY'],
  ['Transferred to Methodist overnight for a bed.', 'Methodist', 'FACILITY'],
  ['She was born at Presbyterian, per mom.', 'Presbyterian', 'FACILITY'],
  ['Taken to County by EMS after the fall.', 'County', 'FACILITY'],
  ['Records from Regional are still pending.', 'Regional', 'FACILITY'],
  ['She was at Adventist for a week in May.', 'Adventist', 'FACILITY'],
  ["Follows at Children's for her asthma.", "Children's", 'FACILITY'],
  ['Discharged from Lutheran on Friday with a walker.', 'Lutheran', 'FACILITY'],
  ['Dad is at Shady Grove Adventist on 4 West.', 'Shady Grove Adventist', 'FACILITY'],
  ['Labs sent from Bayside Deaconess this morning.', 'Bayside Deaconess', 'FACILITY']
];

/** Health-system abbreviations in a place context; clinical abbreviations stay. */
export const ABBREVIATED_FACILITIES: Probe[] = [
  ['Seen at the KRMC ED on 3/2 for syncope.', 'KRMC', 'FACILITY'],
  ['Came over from WCMH by ambulance.', 'WCMH', 'FACILITY'],
  ['Cath done at SJRH cath lab, two stents.', 'SJRH', 'FACILITY'],
  ['She was admitted to BRMC for four days.', 'BRMC', 'FACILITY'],
  ['Transferred to TGH for neurosurgery.', 'TGH', 'FACILITY'],
  ['Prior echo at NWMC showed EF 40%.', 'NWMC', 'FACILITY'],
  ['Went to the FHMC ER last night.', 'FHMC', 'FACILITY'],
  ['Records from CHOA are pending.', 'CHOA', 'FACILITY']
];

/** A facility named again later by its first words (the value is its LAST occurrence). */
export const SHORTER_LATER: Probe[] = [
  ['Admitted to Colfax Valley Hospital on 3/2. Colfax Valley sent the films.', 'Colfax Valley', 'FACILITY'],
  ['Referred to Brightstone Orthopedics. Brightstone called to schedule.', 'Brightstone', 'FACILITY'],
  ['PT at Ironwood Physical Therapy; Ironwood wants a new order.', 'Ironwood', 'FACILITY'],
  ['Dialysis at Silver Lake Dialysis Center. Silver Lake reports missed runs.', 'Silver Lake', 'FACILITY'],
  ['Daughter works at Garrison Regional Hospital. She said Garrison Regional had no beds.', 'Garrison Regional', 'FACILITY'],
  ['From Thornbury Creek Manor. Staff at Thornbury Creek say she wanders.', 'Thornbury Creek', 'FACILITY'],
  ['Last scan was at Parkridge Imaging. Parkridge will send the disc.', 'Parkridge', 'FACILITY'],
  ['Seen by Anand Family Practice in May; Anand Family called with results.', 'Anand Family', 'FACILITY']
];

/** A name beside a facility word: apposition, a type in brackets, a list with a facility, a placement. */
export const BESIDE_FACILITY_WORDS: Probe[] = [
  ['Lives in a group home, Maple Hollow House, since 2019.', 'Maple Hollow House', 'FACILITY'],
  ['Admitted from his SNF, Cedar Bluff, with a fever.', 'Cedar Bluff', 'FACILITY'],
  ['Her assisted living, Orchard View, called about falls.', 'Orchard View', 'FACILITY'],
  ['Returned to her nursing home, Wickham Terrace.', 'Wickham Terrace', 'FACILITY'],
  ['Fairhaven (SNF) sent the MAR this morning.', 'Fairhaven', 'FACILITY'],
  ['Discharged back to Rosewood Court (assisted living).', 'Rosewood Court', 'FACILITY|ADDRESS'],
  ['Lives at Sandpiper Pointe (independent living) alone.', 'Sandpiper Pointe', 'FACILITY'],
  ['Referrals faxed to Harmony Pines and Juniper Hills Care Center.', 'Harmony Pines', 'FACILITY'],
  ['Options are Stillwater Crossing or Larch Grove Nursing Home.', 'Stillwater Crossing', 'FACILITY'],
  ['Bed offers from Wyndham Lakes Nursing Center and Quail Hollow.', 'Quail Hollow', 'FACILITY'],
  ['Hoping to go to Linden Grove for short-term rehab.', 'Linden Grove', 'FACILITY'],
  ['She may go to Corbin Place for respite next month.', 'Corbin Place', 'FACILITY|ADDRESS'],
  ['Visited by Pastor Odom of New Zoar Missionary Baptist Church.', 'New Zoar Missionary Baptist Church', 'FACILITY'],
  ['Father Wisniak of Holy Trinity Catholic Church called.', 'Holy Trinity Catholic Church', 'FACILITY'],
  ['Admitted from: The Arbors at Fox Run (memory care)', 'Arbors at Fox Run', 'FACILITY'],
  ['Lives at The Landing at Crystal Creek with her husband.', 'Landing at Crystal Creek', 'FACILITY'],
  ['Cardiology at Ascension Saint Thomas next week.', 'Ascension Saint Thomas', 'FACILITY'],
  ['Admitted from: Quarry Ridge', 'Quarry Ridge', 'FACILITY'],
  ['Discharge to: Fernbrook Commons', 'Fernbrook Commons', 'FACILITY'],
  ['Transferred from: Ardmore Valley', 'Ardmore Valley', 'FACILITY'],
  ['Discharged to: Tamarind Court', 'Tamarind Court', 'FACILITY'],
  ['Dispo: SNF (Sunnyside Manor West)', 'Sunnyside Manor West', 'FACILITY'],
  ['Plan: assisted living (Briar Glen) once cleared.', 'Briar Glen', 'FACILITY'],
  ['Disposition to: Larkhaven', 'Larkhaven', 'FACILITY'],
  ['Member of Saint Anne Catholic Church, sings in the choir.', 'Saint Anne Catholic Church', 'FACILITY'],
  ['Runs MWF at River Dialysis; rehab at Maple Rehabilitation.', 'Maple Rehabilitation', 'FACILITY']
];

/** Words beside a facility word that name no place. */
export const BESIDE_KEEPS: Keep[] = [
  ['Sent from SNF (per family request) with a Foley.', 'per family request'],
  ['Lives at home (ADLs independent); uses a Rollator.', 'ADLs'],
  ['Seen at Ridgeview Medical Center and Cardiology Clinic.', 'Cardiology Clinic'],
  ['Admitted to Hadley Hospital and Medicare notified.', 'Medicare'],
  ['Transferred to Ballard Hospital and Dr. Reyes accepted.', 'Dr. Reyes'],
  ['Records from Tilden Hospital and Lyme titers reviewed.', 'Lyme'],
  ['Back to the group home, Monday per staff.', 'Monday'],
  ['Discharged to rehab (Cardiac Rehab Phase II) on Friday.', 'Cardiac Rehab Phase II'],
  ['Hoping to go to Cardiology for short-term follow up.', 'Cardiology'],
  ['Seen at Ridgeview Medical Center and Atrial Fibrillation Clinic; Kettle Hospital and Physical Therapy.', 'Atrial Fibrillation'],
  ['Her rehab, Physical Therapy, calls Monday; the shelter, Medicare, and the family agreed.', 'Physical Therapy'],
  ['Admitted from: Home\nDischarged to: Home with Services\nResidence: Lives alone', 'Lives alone'],
  ['Transferred to: Intensive Care Unit\nDischarge to: Skilled Nursing Facility', 'Intensive Care'],
  ['Dispo: SNF (per family); rehab (Physical Therapy) daily', 'per family'],
  ['Peritoneal Dialysis training; Home Dialysis unit; Acute Dialysis.', 'Peritoneal Dialysis'],
  ['Pulmonary Rehabilitation and Vestibular Rehabilitation; Cardiac Rehab phase 2.', 'Pulmonary Rehabilitation'],
  ['Catholic Church teaching; Baptist Church tradition; Methodist Church history.', 'Catholic Church'],
  ['Peds Ortho, Sports Ortho and Peds Cardio following; Pulm Labs pending.', 'Peds Ortho'],
  ['Microbiology Laboratory reported; Sleep Laboratory study; Clinical Laboratory.', 'Microbiology Laboratory'],
  ['Used Mayo scissors, a Kelly clamp and a Foley catheter; Ortho Evra patch.', 'Mayo'],
  ['Behavioral Health consulted; Mental Health Clinic; Women\'s Health visit.', 'Behavioral Health']
];

/** Terms a facility rule must leave alone: payers, programs, products, eponyms, departments. */
export const FACILITY_KEEPS: Keep[] = [
  ['Primary ins: Bluestem Health Medicaid ID# 88301', 'Bluestem Health'],
  ['Secondary insurance Brightpath Health Plan, member ID on file.', 'Brightpath Health'],
  ['Covered by Pinnacle Health Partners HMO since January.', 'Pinnacle Health'],
  ['Payer: Cornerstone Healthcare (Medicaid managed care).', 'Cornerstone Healthcare'],
  ['Her plan is Ambetter; prior auth sent.', 'Ambetter'],
  ['Insurance: Humana Gold Plus; copay $20.', 'Humana'],
  ['Tricare for Life is secondary; Medicare Part B primary.', 'Tricare'],
  ['Blue Cross Blue Shield denied the claim.', 'Blue Cross'],
  ['Seen in the hospital ED, then to the ICU and the cath lab.', 'ED'],
  ['Transferred to ICU; seen in PACU; admitted to CCU; to the OR.', 'ICU'],
  ['Sent from SNF to ED; LTACH placement discussed with PT and OT.', 'SNF'],
  ['Referred to Pain Clinic and Wound Care; Sleep Medicine follow up.', 'Pain Clinic'],
  ['Seen in Heart Failure Clinic and Anticoagulation Clinic.', 'Heart Failure Clinic'],
  ['Parkinson disease, Crohn disease, Hodgkin lymphoma, Graves disease.', 'Parkinson'],
  ['History of Lyme disease and West Nile virus.', 'Lyme'],
  ['Uses a Dexcom G7 and an Omnipod pump; takes Jardiance.', 'Dexcom'],
  ['He moved from Texas to Ohio; visiting family in Mexico.', 'Texas'],
  ['Palliative Care and Case Management consulted; Social Work to see.', 'Palliative Care'],
  ['Admitted to Medicine; transferred to Surgery; Cardiology following.', 'Medicine'],
  ['Apgar 8 and 9; Babinski negative; Tinel sign positive.', 'Babinski'],
  ['Memorial Day weekend; admitted to General Surgery; in general, improving.', 'Memorial'],
  ['Admitted to General Surgery, then to Regional Anesthesia for a block.', 'General'],
  ['Methodist faith; Baptist by upbringing; lives in Clark County.', 'Methodist'],
  ['She was born at home; went to Children\'s Hospital later.', 'home']
];

/** Towns, counties and neighbourhoods without a state, after the words people use. */
export const TOWNS: Probe[] = [
  ['Grew up in Wapakoneta and still has family there.', 'Wapakoneta', 'CITY'],
  ['Drove down from Bemidji this morning.', 'Bemidji', 'CITY'],
  ['She is visiting her sister in Natchez for the holidays.', 'Natchez', 'CITY'],
  ['They moved out of Bakersfield in May.', 'Bakersfield', 'CITY'],
  ['Heading back to Mankato after discharge.', 'Mankato', 'CITY'],
  ['Lives near Yreka with his brother.', 'Yreka', 'CITY'],
  ['Born in Saginaw, raised in Alpena.', 'Saginaw', 'CITY'],
  ['originally from wenatchee, now local', 'wenatchee', 'CITY'],
  ['Works construction in the Muskegon area.', 'Muskegon', 'CITY'],
  // An agency named by its town (police, EMS, a jail): the later blind files label it FACILITY, which covers the town.
  ['Brought in by Pasco County EMS.', 'Pasco County', 'CITY|FACILITY'],
  ['Picked up by Yuma PD on a hold.', 'Yuma', 'CITY|FACILITY'],
  ['lives in chillicothe with mom', 'chillicothe', 'CITY'],
  ['Her daughter lives out in Owensboro.', 'Owensboro', 'CITY'],
  ['pt drove up from Tifton for the appt', 'Tifton', 'CITY'],
  ['Moved here from Biloxi two years ago.', 'Biloxi', 'CITY'],
  ['Spent the summer visiting Winona with her kids.', 'Winona', 'CITY'],
  ['Lives in the Coshocton area with her son.', 'Coshocton', 'CITY'],
  ['moved to the wausau area last year', 'wausau', 'CITY'],
  ['lives out near chico with a friend', 'chico', 'CITY'],
  ['visiting grandkids in oshkosh this week', 'oshkosh', 'CITY'],
  ['Transported by Marathon County EMS.', 'Marathon County', 'CITY|FACILITY'],
  // A fire department named by its town is a local agency (agency-names.ts): one FACILITY span covers the town.
  ['Brought in by Lufkin Fire Rescue after the crash.', 'Lufkin', 'CITY|NAME|FACILITY'],
  ['Scottsbluff EMS transported from the scene.', 'Scottsbluff', 'CITY|FACILITY'],
  ['Per Ames PD, he was found outside.', 'Ames', 'CITY'],
  ['Her sister in Hobbs will help with meals.', 'Hobbs', 'CITY'],
  ['Staying with friends in Bend until Friday.', 'Bend', 'CITY'],
  ['He commutes from Elgin daily for work.', 'Elgin', 'CITY'],
  ['They drove over from Dothan this morning.', 'Dothan', 'CITY'],
  ['born and raised in Hattiesburg, moved away at 18', 'Hattiesburg', 'CITY'],
  ['moved to dubuque in june', 'dubuque', 'CITY'],
  ['Lives in the Fishtown neighborhood with roommates.', 'Fishtown', 'CITY'],
  ['Grew up outside Natchitoches on a farm.', 'Natchitoches', 'CITY'],
  ['her mom in tahlequah watches the kids', 'tahlequah', 'CITY'],
  ['we live out past pawhuska on the county road', 'pawhuska', 'CITY'],
  ['works in anadarko at the feed store', 'anadarko', 'CITY'],
  ['lives by herself in guymon since he passed', 'guymon', 'CITY'],
  ['moved out to sequim last spring', 'sequim', 'CITY'],
  ['staying up in bemidji with his uncle', 'bemidji', 'CITY'],
  ['City/State/Zip:   Tempe AZ 85281', 'Tempe', 'CITY'],
  ['Greeley CO 80631 is the mailing town.', 'Greeley', 'CITY'],
  ['Hometown: Yreka', 'Yreka', 'CITY'],
  ['City: Turlock\nState: CA', 'Turlock', 'CITY'],
  ['Mail to 12 Birch Rd, Scappoose OR 97056.', 'Scappoose', 'CITY'],
  ['lives in coconino county with her son', 'coconino county', 'CITY'],
  ['brought by pasco county ems after the fall', 'pasco county', 'CITY'],
  ['was in cabarrus county jail for a month', 'cabarrus county', 'CITY|FACILITY'],
  ['grew up in st. tammany parish', 'st. tammany parish', 'CITY'],
  ['moved from orange county last year', 'orange county', 'CITY'],
  ['picked up by yuma pd last night', 'yuma', 'CITY'],
  ['per kalispell police he was wandering', 'kalispell', 'CITY'],
  ['bozeman fire dept brought her in', 'bozeman', 'CITY'],
  ['seen by laramie ems on scene', 'laramie', 'CITY'],
  ['Staying in the Tenderloin with a friend.', 'Tenderloin', 'CITY'],
  ['She lives in the Heights now.', 'Heights', 'CITY'],
  ['Grew up in the Flats near the mill.', 'Flats', 'CITY'],
  ['He lives on the Hill with his mother.', 'Hill', 'CITY'],
  // The transfer-verb facility rule reads "moved to the Ironbound" too: either type.
  ['They moved to the Ironbound last spring.', 'Ironbound', 'CITY|FACILITY'],
  ['Her family lives in the Bottoms by the river.', 'Bottoms', 'CITY'],
  ['Resides in the Highlands, per the social worker.', 'Highlands', 'CITY'],
  ['Raised in the Delta, moved north at 20.', 'Delta', 'CITY']
];

/** Terms a place rule must leave alone: place-named diseases, eponymous rules, states, countries, payers. */
export const PLACE_KEEPS: Keep[] = [
  ['Rocky Mountain spotted fever ruled out; Lyme titer negative.', 'Rocky Mountain'],
  ['Ottawa ankle rules negative; Glasgow Coma Scale 15.', 'Ottawa'],
  ['Secondary: Mutual of Omaha policy on file.', 'Omaha'],
  ['s/p Norwood procedure and Glenn shunt.', 'Norwood'],
  ['Charlson comorbidity index 4; Boston criteria met.', 'Boston'],
  ['He moved from Georgia to Alabama last spring.', 'Georgia'],
  ['Visiting from Canada; flew in from Mexico.', 'Canada'],
  ['Plaster of Paris splint applied.', 'Paris'],
  ['MRI: lesion in the Broca area; area of erythema on the shin.', 'Broca'],
  ['Rash in the axillary area and the Wernicke area spared.', 'Wernicke'],
  ['Charcot foot; Bell palsy in the facial nerve area.', 'Charcot'],
  ['Moved to Hospice; transferred from Medicaid to Medicare.', 'Hospice'],
  ['Lives in the area; from out of state; near the hospital.', 'area'],
  ['Norco MD 10325 was the old order; Lasix MD 20 mg.', 'Norco'],
  ['pain radiating to ortho; seen in ed; lasix in am; sent from pacu', 'ortho'],
  ['City: unknown; Town: see chart', 'unknown'],
  ['moved to the county home; lives in a rural county; same county as her son', 'county'],
  ['city police and the fire dept responded; campus police called; state police', 'police'],
  ['the other county jail; a neighboring parish; this county ems', 'county'],
  ['Lives in the Midwest; grew up in the Pacific Northwest; raised in the Deep South.', 'Midwest'],
  ['Lives in the United States; moved to the Philippines; stays in the Hospital overnight.', 'United States'],
  ['Resides in the ICU for now; lives in the Home with staff; living in the Moment.', 'ICU']
];

/** Street addresses and boxes in loose forms. */
export const LOOSE_ADDRESSES: Probe[] = [
  ['Lives off Route 17 past the feed store.', 'Route 17', 'ADDRESS'],
  ['Camped off Highway 61 near the river.', 'Highway 61', 'ADDRESS'],
  ['Moved to apt 6D upstairs.', 'apt 6D', 'ADDRESS'],
  ['Mail to PO Box 2379 only.', 'PO Box 2379', 'ADDRESS'],
  ['Send bills to P.O. Box 9936.', 'P.O. Box 9936', 'ADDRESS'],
  ['Farmhouse on County Road 14.', 'County Road 14', 'ADDRESS'],
  ['Lives in Unit 3C of the complex.', 'Unit 3C', 'ADDRESS'],
  ['Her trailer is Lot 22 at the park.', 'Lot 22', 'ADDRESS'],
  ['Moved into Space 14 at the RV park.', 'Space 14', 'ADDRESS'],
  ['She lives in the complex on the hill, Unit 7.', 'Unit 7', 'ADDRESS'],
  ['Mail: Bldg 4C, rear entrance.', 'Bldg 4C', 'ADDRESS'],
  ['Zip: 61265 on the form.', '61265', 'ZIP']
];

export const ADDRESS_KEEPS: Keep[] = [
  ['Keflex PO x 5 days; Box and Block test 40.', 'Box'],
  ['Route of administration oral; apt to fall at night.', 'Route'],
  ['Unit 5 ICU; lot number on the vial; suite of tests.', 'Unit'],
  ['Transferred to Unit 5 from the ED; Lot 22 of the vaccine given.', 'Unit 5'],
  ['Vaccine Lot 22 given; Site 2 of the trial; Space 3 of the MRI.', 'Lot 22']
];
