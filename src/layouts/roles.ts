/**
 * Signer roles (the element's `signerRoles`): which role a sent signer had, and the person a role
 * stands for when a layout is applied. Pure: no DOM; the host's contacts search is given.
 */
import type { Person } from '../api/types.js';
import type { SignerRole, SignerRoles } from './layout.js';

/** The host's contacts: a list, or a search (the element's `contacts`). */
export type Contacts = readonly Person[] | ((query: string) => Promise<Person[]>);

function sameEmail(a: string | undefined, b: string | undefined): boolean {
  return !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** The e-mail a role names (`me`'s for `'me'`), or `undefined`. */
function roleEmail(role: SignerRole, me: Person | undefined): string | undefined {
  return role === 'me' ? me?.email : role.email;
}

/** The role (key of `roles`) whose person has this e-mail; the first one when several do. */
export function roleOfEmail(roles: SignerRoles | undefined, me: Person | undefined, email: string): string | undefined {
  if (!roles) return undefined;
  return Object.keys(roles).find((name) => sameEmail(roleEmail(roles[name], me), email));
}

/**
 * The person a role stands for: `me` for `'me'`; otherwise the role's person, its missing details
 * taken from the contact with the same e-mail. `undefined` when the role is unknown, or `'me'`
 * without a current user. A failing contacts search leaves the role's own details.
 */
export async function resolveRole(
  roles: SignerRoles | undefined,
  name: string | undefined,
  context: { me?: Person | undefined; contacts?: Contacts | undefined },
): Promise<Person | undefined> {
  const role = name !== undefined && roles && Object.hasOwn(roles, name) ? roles[name] : undefined;
  if (!role) return undefined;
  if (role === 'me') return context.me ? { ...context.me } : undefined;
  if (typeof role !== 'object' || typeof role.email !== 'string' || !role.email) return undefined;
  let contact: Person | undefined;
  const { contacts } = context;
  try {
    const list = typeof contacts === 'function' ? await contacts(role.email) : contacts;
    contact = list?.find((c) => sameEmail(c.email, role.email));
  } catch {
    contact = undefined; // the search is the host's; the role's own details still fill the row
  }
  return {
    email: role.email,
    firstName: role.firstName ?? contact?.firstName ?? '',
    lastName: role.lastName ?? contact?.lastName ?? '',
    ...(role.phone ?? contact?.phone ? { phone: (role.phone ?? contact?.phone)! } : {}),
  };
}
