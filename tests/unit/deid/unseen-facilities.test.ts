/**
 * Facilities on text the detector was not written from (issue 8, facilities/places pass 3): the
 * probe texts of unseen-facilities-probes.ts, whose names, towns and layouts are in no evaluation
 * file. Each class of shape has its negatives: payers, services and units, eponyms, states.
 */
import { describe } from 'vitest';
import { ABBREVIATED_FACILITIES, BESIDE_FACILITY_WORDS, BESIDE_KEEPS, FACILITY_KEEPS, HEADED_FACILITIES, INFORMAL_FACILITIES, SHORTER_LATER } from './unseen-facilities-probes';
import { keeps, probes } from './unseen-place-helpers';

describe('facilities of every head a US record uses', () => probes(HEADED_FACILITIES));
describe('facilities named informally', () => probes(INFORMAL_FACILITIES));
describe('health-system abbreviations in a place context', () => probes(ABBREVIATED_FACILITIES));
describe('a facility named again by a shorter form', () => probes(SHORTER_LATER));
describe('payers, services, units, eponyms and states stay', () => keeps(FACILITY_KEEPS));
describe('a name beside a facility word, in a list with a facility or in a placement', () => probes(BESIDE_FACILITY_WORDS));
describe('words beside a facility word that name no place stay', () => keeps(BESIDE_KEEPS));
