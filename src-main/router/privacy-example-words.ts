// The words for "example", "test" and "documentation" in the main European languages and Chinese, shared by the rules
// that take back an example (privacy-takeback-context.ts, privacy-takeback.ts, privacy-ids-world.ts), so that one list
// grows for all of them: a Polish "przykładowy IBAN … z dokumentacji", a Spanish "tarjetas de prueba", an Italian
// "l'esempio … dei manuali", a Cantonese 示範號碼 (read in Simplified characters).

/** Regex source, whole words, case-insensitive: example, test and documentation words outside English. */
export const FOREIGN_EXAMPLE_WORDS =
  'beispiel\\w*|exemples?|ejemplos?|esempi[oa]?|voorbeeld\\w*|przyk[łl]ad\\w*|exemplos?|exempel|örnek\\w*|pruebas?|testow\\w*|dokumentacj\\w*|documentaci[óo]n|documenta[çc][ãa]o|dokumentation|documentazione|manuali|handbuch|muster\\w*|esimerk\\w*|p[řr][íi]klad\\w*|nap[řr][íi]klad|eksemp(?:el|ler|lar)\\w*|test(?:umgebung|omgeving|milj[öo]|kart\\w*|kaart\\w*)';

/** Regex source, no word boundaries: the Chinese ones, Simplified (Traditional text is read again in Simplified). */
export const CHINESE_EXAMPLE_WORDS = '示例|样例|例子|示范|范例|演示|测试|模板|虚构';
