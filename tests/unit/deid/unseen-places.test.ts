/**
 * Towns, counties, neighbourhoods and loose addresses on text the detector was not written from
 * (issue 8, facilities/places pass 3): the probe texts of unseen-facilities-probes.ts. Each class
 * has its negatives: place-named diseases, eponymous rules, payers, states and countries.
 */
import { describe } from 'vitest';
import { ADDRESS_KEEPS, LOOSE_ADDRESSES, PLACE_KEEPS, TOWNS } from './unseen-facilities-probes';
import { keeps, probes } from './unseen-place-helpers';

describe('towns without a state after the words people use', () => probes(TOWNS));
describe('place-named diseases, eponymous rules, payers, states and countries stay', () => keeps(PLACE_KEEPS));
describe('street addresses and boxes in loose forms', () => probes(LOOSE_ADDRESSES));
describe('clinical words shaped like addresses stay', () => keeps(ADDRESS_KEEPS));
