// Image references by the container runtimes' grammar (the distribution/reference one): checked before the
// debugger is added, so a typo is an input error, not an ImagePullBackOff in someone's pod.
//
//   reference  := name [ ":" tag ] [ "@" digest ]
//   name       := [ host [ ":" port ] "/" ] path-component { "/" path-component }
//   host       := domain-component { "." domain-component } | "[" IPv6 "]"
//   path-component := [a-z0-9]+ { separator [a-z0-9]+ },  separator := "." | "_" | "__" | "-"+
//   tag        := [\w][\w.-]{0,127}
//   digest     := algorithm ":" hex (sha256: 64 hex digits)

const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const HOST = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])`;
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const NAME = `(?:${HOST}(?::[0-9]+)?/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const REFERENCE = new RegExp(`^(${NAME})(?::(${TAG}))?(?:@(${DIGEST}))?$`);

/** Name part longer than this is refused by the runtimes. */
const NAME_MAX = 255;
const DIGEST_HEX: Readonly<Record<string, number>> = { sha256: 64, sha384: 96, sha512: 128 };

/** Why `ref` is not a valid image reference, or undefined when it is one. */
export function imageReferenceProblem(ref: string): string | undefined {
  if (ref === '') return 'it is empty';
  if (/\s/.test(ref)) return 'it contains whitespace';
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(ref)) return 'an image reference has no scheme (drop the "https://")';
  const m = REFERENCE.exec(ref);
  if (!m) {
    const name = ref.split('@')[0].replace(/:[\w][\w.-]*$/, '');
    const path = name.includes('/') && /[.:]|^localhost\//.test(name.split('/')[0]) ? name.slice(name.indexOf('/') + 1) : name;
    if (/[A-Z]/.test(path)) return 'the repository name must be lower-case';
    return 'expected [registry[:port]/]name[:tag][@sha256:digest]';
  }
  if (m[1].length > NAME_MAX) return `the name is longer than ${NAME_MAX} characters`;
  if (m[3]) {
    const [algorithm, hex] = m[3].split(':');
    const want = DIGEST_HEX[algorithm];
    if (want === undefined) return `unknown digest algorithm '${algorithm}' (use sha256)`;
    if (hex.length !== want) return `a ${algorithm} digest has ${want} hex digits, this one ${hex.length}`;
  }
  return undefined;
}
