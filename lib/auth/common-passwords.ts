/**
 * Words that common passwords are built from, lower-cased. A new password is refused when,
 * stripped of digits, punctuation and repetition, what remains is one of these: that catches
 * "Lösenord2026!", "sommarsommar12" and "qwerty123456" alike. Swedish words first.
 */
export const COMMON_PASSWORD_WORDS: readonly string[] = [
  // Swedish
  'lösenord', 'losenord', 'hejsan', 'hejhej', 'sommar', 'vinter', 'varen', 'hösten', 'sverige', 'stockholm',
  'göteborg', 'malmö', 'karlskoga', 'degerfors', 'örebro', 'kärlek', 'älskar', 'mamma', 'pappa', 'hemlig',
  'hemligt', 'blomma', 'fotboll', 'hockey', 'kalle', 'anka', 'kalleanka', 'midsommar', 'jultomten', 'tomten',
  'glass', 'choklad', 'katten', 'hunden', 'solen', 'välkommen', 'valkommen', 'byteut', 'bytmig', 'lisa',
  'lisaportal', 'forening', 'förening', 'kommun', 'region', 'vårdcentral', 'abcdefgh', 'abcåäö', 'åäöåäö',
  // International
  'password', 'passw0rd', 'passwort', 'motdepasse', 'contraseña', 'qwerty', 'qwertyuiop', 'qwertyuiopå',
  'asdfgh', 'asdfghjkl', 'asdfghjklöä', 'zxcvbn', 'zxcvbnm', 'azerty', 'letmein', 'welcome', 'iloveyou',
  'admin', 'administrator', 'root', 'login', 'master', 'monkey', 'dragon', 'football', 'baseball', 'soccer',
  'princess', 'sunshine', 'shadow', 'superman', 'batman', 'trustno', 'whatever', 'starwars', 'pokemon',
  'hello', 'freedom', 'secret', 'changeme', 'default', 'guest', 'test', 'testing', 'abc', 'abcdef',
  'abcdefg', 'qazwsx', 'qazwsxedc', '1qaz2wsx', 'michael', 'jennifer', 'jordan', 'charlie', 'liverpool',
  'arsenal', 'chelsea', 'summer', 'winter', 'spring', 'autumn', 'internet', 'computer', 'google', 'facebook',
];

/** Keyboard rows and counting sequences, refused when a password is only a run of them. */
export const SEQUENCES: readonly string[] = [
  '01234567890', '09876543210', 'abcdefghijklmnopqrstuvwxyzåäö', 'qwertyuiopå', 'asdfghjklöä', 'zxcvbnm',
];
