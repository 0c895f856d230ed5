import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { REJECTION_MESSAGES } from '../../domain/directory/import-row.ts';
import { DomainError } from '../../domain/errors.ts';

type Messages = { fr: string; en: string };

/** The one table from error code to HTTP status and the message a facilitator reads. */
const PROBLEMS: Record<string, { status: number } & Messages> = {
  validation_failed: { status: 400, fr: 'Certaines valeurs sont invalides.', en: 'Some values are invalid.' },
  invalid_identifiers: {
    status: 400,
    fr: 'Un identifiant ou un code est invalide.',
    en: 'An identifier or code is invalid.',
  },
  invalid_invitation: {
    status: 400,
    fr: "L'invitation est incomplète.",
    en: 'The invitation is incomplete.',
  },
  malformed_request: { status: 400, fr: 'La requête est mal formée.', en: 'The request is malformed.' },
  malformed_file: {
    status: 400,
    fr: 'Le fichier est illisible ou mal formé : rien n’a été importé.',
    en: 'The file is unreadable or malformed: nothing was imported.',
  },
  invalid_mapping: {
    status: 400,
    fr: 'La correspondance des colonnes est incomplète ou fausse.',
    en: 'The column mapping is incomplete or wrong.',
  },
  invalid_contact: {
    status: 400,
    fr: 'Ce contact n’agit pas pour cette organisation.',
    en: 'This contact does not act for this organisation.',
  },
  import_rejected: {
    status: 422,
    fr: 'Des lignes sont rejetées : corrigez le fichier, rien n’a été importé.',
    en: 'Some lines are rejected: correct the file, nothing was imported.',
  },
  unauthenticated: { status: 401, fr: 'Veuillez vous connecter.', en: 'Please sign in.' },
  forbidden: {
    status: 403,
    fr: "Vous n'avez pas le droit de faire cela.",
    en: 'You are not allowed to do this.',
  },
  csrf_rejected: {
    status: 403,
    fr: "Requête refusée : elle ne vient pas de l'application Labo.",
    en: 'Request refused: it does not come from the Labo application.',
  },
  not_found: {
    status: 404,
    fr: "Cette page ou cet objet n'existe pas.",
    en: 'This page or object does not exist.',
  },
  duplicate_identifier: {
    status: 409,
    fr: 'Une organisation de votre labo porte déjà cet identifiant.',
    en: 'An organisation of your lab already has this identifier.',
  },
  already_registered: {
    status: 409,
    fr: 'Cette adresse e-mail a déjà un compte.',
    en: 'This e-mail address already has an account.',
  },
  archived: {
    status: 409,
    fr: 'Cette organisation est archivée : elle ne peut plus être modifiée.',
    en: 'This organisation is archived: it can no longer be edited.',
  },
  invitation_invalid: {
    status: 410,
    fr: 'Cette invitation est inconnue, déjà utilisée ou expirée.',
    en: 'This invitation is unknown, already used or expired.',
  },
  payload_too_large: {
    status: 413,
    fr: 'Le contenu envoyé est trop volumineux.',
    en: 'The content sent is too large.',
  },
  unsupported_media_type: {
    status: 415,
    fr: 'Ce type de contenu n’est pas accepté (JSON attendu).',
    en: 'This content type is not accepted (JSON expected).',
  },
  rate_limited: {
    status: 429,
    fr: 'Trop de tentatives : réessayez dans un moment.',
    en: 'Too many attempts: try again in a moment.',
  },
  internal: {
    status: 500,
    fr: 'Une erreur inattendue est survenue. Elle a été enregistrée.',
    en: 'An unexpected error occurred. It has been logged.',
  },
};

/** Messages for the problems of one field, by the stable code the domain or validation gives. */
const FIELD_MESSAGES: Record<string, Messages> = {
  siren_wrong_length: { fr: 'Le SIREN compte 9 chiffres.', en: 'A SIREN has 9 digits.' },
  siren_non_digit: { fr: 'Le SIREN ne contient que des chiffres.', en: 'A SIREN contains digits only.' },
  siren_luhn_check_failed: {
    fr: 'Ce SIREN est invalide (clé de contrôle fausse) : vérifiez les chiffres.',
    en: 'This SIREN is invalid (wrong check digit): check the digits.',
  },
  siren_all_zeros: { fr: "Ce SIREN n'existe pas.", en: 'This SIREN does not exist.' },
  siret_wrong_length: { fr: 'Le SIRET compte 14 chiffres.', en: 'A SIRET has 14 digits.' },
  siret_non_digit: { fr: 'Le SIRET ne contient que des chiffres.', en: 'A SIRET contains digits only.' },
  siret_luhn_check_failed: {
    fr: 'Ce SIRET est invalide (clé de contrôle fausse) : vérifiez les chiffres.',
    en: 'This SIRET is invalid (wrong check digit): check the digits.',
  },
  siret_all_zeros: { fr: "Ce SIRET n'existe pas.", en: 'This SIRET does not exist.' },
  siret_mismatch: {
    fr: 'Ce SIRET n’appartient pas au SIREN indiqué (ses 9 premiers chiffres diffèrent).',
    en: 'This SIRET does not belong to the given SIREN (its first 9 digits differ).',
  },
  siret_duplicate: {
    fr: 'Une organisation du labo a déjà ce SIRET.',
    en: 'An organisation of the lab already has this SIRET.',
  },
  rna_bad_format: {
    fr: 'Le numéro RNA s’écrit W suivi de 9 chiffres (ex. W672001234).',
    en: 'An RNA number is W followed by 9 digits (e.g. W672001234).',
  },
  rna_not_for_universe: {
    fr: 'Seule une association (ou fondation) a un numéro RNA.',
    en: 'Only an association (or foundation) has an RNA number.',
  },
  rna_duplicate: {
    fr: 'Une organisation du labo a déjà ce numéro RNA.',
    en: 'An organisation of the lab already has this RNA number.',
  },
  commune_unknown: {
    fr: 'Ce code INSEE ne correspond à aucune commune actuelle.',
    en: 'This INSEE code matches no current commune.',
  },
  contact_not_of_organisation: {
    fr: 'Choisissez une personne qui agit pour cette organisation.',
    en: 'Choose a person who acts for this organisation.',
  },
  column_not_in_file: {
    fr: 'Cette colonne n’existe pas dans le fichier.',
    en: 'This column is not in the file.',
  },
  mapping_required: { fr: 'Indiquez la colonne de ce champ.', en: 'Say which column holds this field.' },
  period_end_before_start: { fr: 'La fin précède le début.', en: 'The end comes before the start.' },
  ...Object.fromEntries(
    Object.entries(REJECTION_MESSAGES).map(([reason, messages]) => [`import_${reason}`, messages]),
  ),
  organisation_required: {
    fr: 'Un membre représente une organisation : choisissez-la.',
    en: 'A member represents an organisation: choose it.',
  },
};

function fieldMessages(code: string, fallback: string): Messages {
  return FIELD_MESSAGES[code] ?? { fr: fallback, en: fallback };
}

/** Zod issue codes in both languages, with the limit when there is one. */
function zodIssueMessages(keyword: string, params: Record<string, unknown>, message: string): Messages {
  const limit = params['minimum'] ?? params['maximum'];
  switch (keyword) {
    case 'invalid_type':
      return params['input'] === undefined
        ? { fr: 'Ce champ est obligatoire.', en: 'This field is required.' }
        : { fr: 'Type de valeur inattendu.', en: 'Unexpected type of value.' };
    case 'too_small':
      return {
        fr: `Trop court ou trop petit (minimum ${String(limit)}).`,
        en: `Too short or too small (minimum ${String(limit)}).`,
      };
    case 'too_big':
      return {
        fr: `Trop long ou trop grand (maximum ${String(limit)}).`,
        en: `Too long or too large (maximum ${String(limit)}).`,
      };
    case 'invalid_format':
      return { fr: `Format invalide (${message}).`, en: `Invalid format (${message}).` };
    case 'invalid_value':
      return { fr: 'Valeur non prévue.', en: 'Value not allowed.' };
    case 'unrecognized_keys':
      return {
        fr: `Champ inconnu : ${String(params['keys'] ?? '')}.`,
        en: `Unknown field: ${String(params['keys'] ?? '')}.`,
      };
    default:
      return { fr: `Valeur invalide (${message}).`, en: `Invalid value (${message}).` };
  }
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  messages: Messages;
  errors?: { path: string; message: string; messages: Messages }[];
  requestId: string;
}

function languageOf(request: FastifyRequest): 'fr' | 'en' {
  const accept = request.headers['accept-language'] ?? '';
  return /^\s*en\b/i.test(accept) ? 'en' : 'fr';
}

export function problemBody(
  request: FastifyRequest,
  code: string,
  errors?: { path: string; messages: Messages }[],
): ProblemBody {
  const entry = PROBLEMS[code] ?? PROBLEMS['internal']!;
  const lang = languageOf(request);
  const body: ProblemBody = {
    type: `https://labo.example/problems/${code}`,
    title: entry[lang],
    status: entry.status,
    detail: entry[lang],
    code: PROBLEMS[code] ? code : 'internal',
    messages: { fr: entry.fr, en: entry.en },
    requestId: request.id,
  };
  if (errors && errors.length > 0) body.errors = errors.map((e) => ({ ...e, message: e.messages[lang] }));
  return body;
}

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  code: string,
  errors?: { path: string; messages: Messages }[],
): FastifyReply {
  const body = problemBody(request, code, errors);
  return reply.status(body.status).type('application/problem+json; charset=utf-8').send(body);
}

/** Maps every error to problem+json: never a stack trace or SQL text to the client. */
export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const errors = error.validation.map((issue) => {
      const prefix = error.validationContext === 'body' ? '' : `${error.validationContext ?? ''}.`;
      const path = `${prefix}${issue.instancePath.replace(/^\//, '').replaceAll('/', '.')}`;
      return { path, messages: zodIssueMessages(issue.keyword, issue.params, issue.message ?? '') };
    });
    return sendProblem(request, reply, 'validation_failed', errors);
  }
  if (error instanceof DomainError) {
    const problems = Array.isArray(error.details['problems'])
      ? (error.details['problems'] as { path: string; code: string; fr?: string; en?: string }[])
      : [];
    // A problem may carry its own sentences (a malformed file names its line).
    const fields = problems.map((p) => ({
      path: p.path,
      messages: p.fr && p.en ? { fr: p.fr, en: p.en } : fieldMessages(p.code, p.code),
    }));
    if (error.code === 'forbidden' || error.code === 'not_found' || error.code === 'unauthenticated') {
      request.log.info({ code: error.code, url: request.url }, 'access denied');
    }
    return sendProblem(request, reply, error.code, fields);
  }
  const status = error.statusCode ?? 500;
  if (status === 413) return sendProblem(request, reply, 'payload_too_large');
  if (status === 415) return sendProblem(request, reply, 'unsupported_media_type');
  if (status === 429) return sendProblem(request, reply, 'rate_limited');
  if (status >= 400 && status < 500)
    return sendProblem(request, reply, status === 404 ? 'not_found' : 'malformed_request');
  request.log.error({ err: error }, 'unexpected error');
  return sendProblem(request, reply, 'internal');
}
