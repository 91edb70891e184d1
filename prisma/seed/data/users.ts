/**
 * Demo accounts, one per role and a few more. All names are invented; addresses use the
 * reserved `.example` domain.
 */
import type { SeedUser } from '../types';

export const users: SeedUser[] = [
  // Coordinators: the associations' coordinator and the region's psychologist.
  {
    email: 'samordnare@lisa.example',
    name: 'Karin Westerlind',
    memberships: [{ organization: 'mockelnforeningarna', role: 'COORDINATOR' }],
  },
  {
    email: 'psykolog@regionorebrolan.example',
    name: 'Johan Berglöf',
    memberships: [{ organization: 'region-orebro-lan', role: 'COORDINATOR' }],
  },

  // Association admins and members.
  {
    email: 'foreningsadmin@lisa.example',
    name: 'Elin Hagmark',
    memberships: [{ organization: 'kvinnojouren-linnean', role: 'ASSOCIATION_ADMIN' }],
  },
  {
    email: 'medlem@lisa.example',
    name: 'Amira Haddad',
    memberships: [{ organization: 'kvinnojouren-linnean', role: 'MEMBER' }],
  },
  {
    email: 'medlem2@lisa.example',
    name: 'Per-Olof Sandell',
    memberships: [{ organization: 'reda-ekonomiradgivning', role: 'MEMBER' }],
  },
  {
    email: 'admin2@lisa.example',
    name: 'Yonas Tesfamariam',
    memberships: [{ organization: 'motesbron', role: 'ASSOCIATION_ADMIN' }],
  },

  // Officials of the public bodies.
  {
    email: 'tjansteperson.region@lisa.example',
    name: 'Anna-Karin Holmér',
    memberships: [{ organization: 'region-orebro-lan', role: 'OFFICIAL' }],
  },
  {
    email: 'tjansteperson.karlskoga@lisa.example',
    name: 'Mikael Öhrvall',
    memberships: [{ organization: 'karlskoga-kommun', role: 'OFFICIAL' }],
  },
  {
    email: 'tjansteperson.degerfors@lisa.example',
    name: 'Linnea Rasmusson',
    memberships: [{ organization: 'degerfors-kommun', role: 'OFFICIAL' }],
  },

  // A volunteer who belongs to two associations.
  {
    email: 'volontar@lisa.example',
    name: 'Gunilla Forsmark',
    memberships: [
      { organization: 'kyrkornas-diakonirad', role: 'MEMBER' },
      { organization: 'seniorforeningen-eken', role: 'MEMBER' },
    ],
  },

  // News editors of the other associations.
  {
    email: 'nyheter.vaga@lisa.example',
    name: 'Ida Nyqvist',
    memberships: [{ organization: 'tjejjouren-vaga', role: 'ASSOCIATION_ADMIN' }],
  },
  {
    email: 'nyheter.trygghet@lisa.example',
    name: 'Bengt Almqvist',
    memberships: [{ organization: 'trygghetsjouren', role: 'ASSOCIATION_ADMIN' }],
  },
  {
    email: 'nyheter.diakoni@lisa.example',
    name: 'Maria Lövenberg',
    memberships: [{ organization: 'kyrkornas-diakonirad', role: 'ASSOCIATION_ADMIN' }],
  },
  {
    email: 'nyheter.reda@lisa.example',
    name: 'Birgitta Hallén',
    memberships: [{ organization: 'reda-ekonomiradgivning', role: 'ASSOCIATION_ADMIN' }],
  },
  {
    email: 'nyheter.fyrbaken@lisa.example',
    name: 'Roger Dahlström',
    memberships: [{ organization: 'fyrbaken', role: 'ASSOCIATION_ADMIN' }],
  },
  {
    email: 'nyheter.andrum@lisa.example',
    name: 'Sara Wikander',
    memberships: [{ organization: 'andrum-psykisk-halsa', role: 'ASSOCIATION_ADMIN' }],
  },
  {
    email: 'nyheter.medmanniskorna@lisa.example',
    name: 'Fadumo Warsame',
    memberships: [{ organization: 'medmanniskorna', role: 'ASSOCIATION_ADMIN' }],
  },
  {
    email: 'nyheter.eken@lisa.example',
    name: 'Sven-Erik Lundmark',
    memberships: [{ organization: 'seniorforeningen-eken', role: 'ASSOCIATION_ADMIN' }],
  },
  {
    email: 'nyheter.tillsammans@lisa.example',
    name: 'Jenny Åkerlind',
    memberships: [{ organization: 'foreningen-tillsammans', role: 'ASSOCIATION_ADMIN' }],
  },
  {
    email: 'nyheter.kompassen@lisa.example',
    name: 'Ali Rezaei',
    memberships: [{ organization: 'if-kompassen', role: 'ASSOCIATION_ADMIN' }],
  },
];
