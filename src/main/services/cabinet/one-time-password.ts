// One-time cabinet passwords: 10 characters from a cryptographic generator, Latin letters and
// digits with at least one of each, and no characters a customer could misread from the slip
// (0/O/o, 1/l/I).
import { randomInt } from 'node:crypto'

export const ONE_TIME_PASSWORD_LENGTH = 10
export const ONE_TIME_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789'

export function generateOneTimePassword(draw: (max: number) => number = randomInt): string {
  for (;;) {
    let password = ''
    for (let i = 0; i < ONE_TIME_PASSWORD_LENGTH; i++) {
      password += ONE_TIME_ALPHABET[draw(ONE_TIME_ALPHABET.length)]
    }
    // Redraw rather than patch a position: patching would make some positions predictable.
    if (/[A-Za-z]/.test(password) && /\d/.test(password)) return password
  }
}
