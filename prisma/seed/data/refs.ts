/** Names for the demo organisations and their news/contact users, used across the data files. */
export const ORG = {
  umbrella: 'mockelnforeningarna',
  shelter: 'kvinnojouren-linnean',
  youngShelter: 'tjejjouren-vaga',
  victimSupport: 'trygghetsjouren',
  diaconia: 'kyrkornas-diakonirad',
  debt: 'reda-ekonomiradgivning',
  newcomers: 'motesbron',
  addiction: 'fyrbaken',
  mentalHealth: 'andrum-psykisk-halsa',
  humanitarian: 'medmanniskorna',
  pensioners: 'seniorforeningen-eken',
  disability: 'foreningen-tillsammans',
  youth: 'if-kompassen',
} as const;

/** A user of each association who files its workshop issues in the demo. */
export const USER = {
  victimSupport: 'nyheter.trygghet@lisa.example',
  diaconia: 'nyheter.diakoni@lisa.example',
  addiction: 'nyheter.fyrbaken@lisa.example',
  mentalHealth: 'nyheter.andrum@lisa.example',
  pensioners: 'nyheter.eken@lisa.example',
  disability: 'nyheter.tillsammans@lisa.example',
  youth: 'nyheter.kompassen@lisa.example',
} as const;
