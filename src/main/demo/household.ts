// Who lives at a generated account: an owner, often a spouse (half shares each), their
// children, sometimes an elderly parent; most owners are also registered there.
import { FEMALE_NAMES, MALE_NAMES, SURNAMES, feminine, type GivenName } from './names'
import type { Random } from './random'

export interface DemoPerson {
  surname: string
  first: string
  patronymic: string
  /** Birth date as year, month, day. */
  born: [number, number, number]
  owner: boolean
  registered: boolean
}

function patronymic(father: GivenName, female: boolean): string {
  return (father.patronymic as [string, string])[female ? 1 : 0]
}

function person(
  random: Random,
  surname: string,
  female: boolean,
  father: GivenName,
  year: number,
  roles: { owner: boolean; registered: boolean },
  first?: string,
): DemoPerson {
  return {
    surname: female ? feminine(surname) : surname,
    first: first ?? (female ? random.pick(FEMALE_NAMES) : random.pick(MALE_NAMES).name),
    patronymic: patronymic(father, female),
    born: [year, random.int(1, 12), random.int(1, 28)],
    ...roles,
  }
}

export function household(random: Random, lastYear: number): DemoPerson[] {
  const surname = random.pick(SURNAMES)
  const ownerFemale = random.chance(0.5)
  const ownerYear = random.int(1940, 2000)
  const husband = random.pick(MALE_NAMES)
  const people = [
    person(
      random,
      surname,
      ownerFemale,
      random.pick(MALE_NAMES),
      ownerYear,
      {
        owner: true,
        registered: random.chance(0.85),
      },
      ownerFemale ? undefined : husband.name,
    ),
  ]
  if (random.chance(0.55)) {
    const spouseYear = Math.min(lastYear, ownerYear + random.int(-5, 5))
    people.push(
      person(
        random,
        surname,
        !ownerFemale,
        random.pick(MALE_NAMES),
        spouseYear,
        {
          owner: true,
          registered: random.chance(0.85),
        },
        ownerFemale ? husband.name : undefined,
      ),
    )
    const kids = ownerYear >= 1965 ? random.int(0, 2) : 0
    for (let k = 0; k < kids; k++) {
      const year = Math.min(lastYear, ownerYear + random.int(22, 42))
      people.push(
        person(random, surname, random.chance(0.5), husband, year, { owner: false, registered: true }),
      )
    }
  }
  if (random.chance(0.08)) {
    people.push(
      person(random, surname, random.chance(0.6), random.pick(MALE_NAMES), random.int(1930, 1950), {
        owner: false,
        registered: true,
      }),
    )
  }
  return people
}
