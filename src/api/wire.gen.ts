/**
 * GENERATED from docs/openapi.yaml by scripts/gen-api-types.mjs (openapi-typescript).
 * Do not edit: change the OpenAPI file and run `npm run gen:api`.
 * Use the named aliases of src/api/types.ts rather than these structures directly.
 */
/* eslint-disable */
export interface paths {
    "/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A short-lived token for the proxy, issued to the signed-in GED user.
         * @description Called with the page's cookies (`credentials: 'include'`), no body. The host authenticates its
         *     own session, then issues a token bound to that user, with a short lifetime (a few minutes) and
         *     an audience restricted to the proxy. The widget caches it until shortly before `expiresIn`
         *     and keeps it only in memory.
         */
        post: operations["getToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The current user's link to Jesignexpert and the limits that apply.
         * @description Polled every 2 s while the widget shows its "Connecter Jesignexpert" step, because the
         *     popup's `window.opener` is often lost after the provider's pages.
         */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a document for signature.
         * @description JSON when the element has a `document-id` and the document is a PDF: the proxy fetches the
         *     GED's file itself (by id, never by a URL the browser sends) and refuses with `409 conflict`
         *     when its current version differs from `document.version`. Otherwise `multipart/form-data`:
         *     the PDF (images are converted to PDF in the browser) in part `document`, the request JSON
         *     (without `document.id`) in part `request`.
         *
         *     Several documents in one request (SPEC §10): `documents` instead of `document`, in order
         *     (fields say which one with `documentIndex`, 0-based). As JSON when every document is a PDF
         *     with a GED id (`documents: [{id, name, version}]`); otherwise every document is uploaded:
         *     one `documents` part per document, in the order of the `request` part's `documents` list
         *     (each entry `{name, version}`, no `id`). The signers get one invitation and one SMS code for
         *     the whole set. `signingOrder: sequential` invites the signers one after the other, in the
         *     list's order; `expiresAt` (1 to 90 days ahead, default 14 days) ends the request as
         *     `expired`. A document over the limit, of another type or encrypted is refused with
         *     its index and name in `detail` (413 / 415), and nothing is created.
         *
         *     Idempotent by `Idempotency-Key`: the same key with the same content returns the request
         *     created the first time (201 or 200) and never creates a second one; the same key with other
         *     content, or while the first call is still in progress, answers `409 conflict`.
         */
        post: operations["createRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/requests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["RequestId"];
            };
            cookie?: never;
        };
        /**
         * Follow a request.
         * @description Supports conditional requests: with `If-None-Match` equal to the current `ETag` the proxy
         *     answers `304` without a body. `Retry-After` (seconds), on any answer, tells the widget when
         *     to ask again; the widget never polls faster than it says.
         */
        get: operations["getRequest"];
        put?: never;
        post?: never;
        /**
         * Cancel a pending request.
         * @description Idempotent for an already cancelled request (204). Any other final status answers `409 conflict`.
         */
        delete: operations["cancelRequest"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/requests/{id}/signed-document": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["RequestId"];
            };
            cookie?: never;
        };
        /** The signed PDF, once the request is `signed`. */
        get: operations["getSignedDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/requests/{id}/documents/{index}/signed-document": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["RequestId"];
                /** @description The document's 0-based index in the request's `documents`. */
                index: number;
            };
            cookie?: never;
        };
        /**
         * One signed PDF of the request's `documents` (of several, or the only one), once the request is `signed`.
         * @description `/requests/{id}/documents/0/signed-document` is the same file as `/requests/{id}/signed-document`.
         */
        get: operations["getSignedDocumentAt"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        TokenResponse: {
            /** @description Opaque to the widget. */
            token: string;
            /** @description Lifetime in seconds from now. */
            expiresIn: number;
            /**
             * Format: uri
             * @description Base URL of the proxy operations (no trailing slash needed).
             */
            proxyUrl: string;
        };
        /** @description Someone the sender may pick as a signer (the current user, contacts). */
        Person: {
            email: string;
            firstName: string;
            lastName: string;
            /** @description E.164 when known. */
            phone?: string;
        };
        Limits: {
            /** @description Default 10000000. */
            maxDocumentBytes: number;
            /** @description MIME types, among application/pdf, image/png, image/jpeg. */
            acceptedTypes: string[];
            /** @description Whether encrypted PDFs may be sent (with their password asked in the widget). */
            acceptsEncrypted: boolean;
            /** @description Limit on all the documents of one request together. Default 25000000. */
            maxRequestBytes?: number;
        };
        MeConnected: {
            /** @constant */
            connected: true;
            user: components["schemas"]["Person"];
            limits: components["schemas"]["Limits"];
        };
        MeNotConnected: {
            /** @constant */
            connected: false;
            /**
             * Format: uri
             * @description Page of the proxy that starts linking the account; opened in a popup.
             */
            connectUrl: string;
        };
        Me: components["schemas"]["MeConnected"] | components["schemas"]["MeNotConnected"];
        /**
         * @description Sent by the proxy's final connect page, by `window.opener.postMessage(message, widgetOrigin)`
         *     and on `new BroadcastChannel('jse-connect')`. Not an HTTP body.
         */
        ConnectedMessage: {
            /** @constant */
            type: "jse:connected";
        };
        /** @description A person who signs. Ids are chosen by the widget and used in validation paths. */
        Signer: {
            id: string;
            email: string;
            firstName: string;
            lastName: string;
            /** @description E.164, a mobile number: +33612345678 */
            phone: string;
        };
        /**
         * @description What the signer puts in a field. `signature` (the default, so payloads without `kind` stay
         *     valid): their drawn signature. `initials`: their drawn initials (paraphe). `date`: the signing
         *     date, written by the provider as dd/mm/yyyy. `mention`: a text the signer must write by hand,
         *     given in `text` ("Lu et approuvé", "Bon pour accord"). `text`: a free text the signer types,
         *     described by `label`.
         * @default signature
         * @enum {string}
         */
        FieldKind: "signature" | "initials" | "date" | "mention" | "text";
        /**
         * @description A location for the signer, in PDF points, in the page's unrotated user space (the space of
         *     /MediaBox and /CropBox); `x`, `y` the lower-left corner; inside the page's CropBox.
         */
        Field: {
            signerId: string;
            /**
             * @description Which of the request's `documents` (0-based); absent means 0, so one-document payloads stay valid.
             * @default 0
             */
            documentIndex?: number;
            /** @description 1-based. */
            page: number;
            x: number;
            y: number;
            width: number;
            height: number;
            kind?: components["schemas"]["FieldKind"];
            /** @description Required when `kind` is `mention`: the words the signer must write, e.g. "Lu et approuvé". */
            text?: string;
            /** @description Required when `kind` is `text`: what the signer is asked to type, e.g. "Ville". */
            label?: string;
        };
        /** @enum {string} */
        Locale: "fr" | "en";
        /** @description The GED document, fetched by the proxy itself from its own storage. */
        DocumentRef: {
            /** @description The element's `document-id`. */
            id: string;
            name: string;
            /** @description The `ETag` (else `Last-Modified`) the widget saw when loading the file; null when it saw neither. */
            version: string | null;
        };
        /** @description The uploaded document's metadata (multipart). */
        UploadedDocument: {
            name: string;
            version?: string | null;
        };
        /** @description What the sender decided; common to both forms of the create call. */
        RequestContent: {
            signers: components["schemas"]["Signer"][];
            fields: components["schemas"]["Field"][];
            /** @description Optional message for the signers. */
            message?: string;
            locale: components["schemas"]["Locale"];
            signingOrder?: components["schemas"]["SigningOrder"];
            /**
             * Format: date-time
             * @description When the request ends as `expired` if not everyone has signed: between 1 and 90 days after
             *     it is sent (the widget sends the end of the chosen day; the proxy accepts from 24 h to
             *     91 days ahead, for that day's end and clock skew). Absent: 14 days after creation.
             */
            expiresAt?: string;
        };
        /**
         * @description `parallel` (the default): every signer is invited at once. `sequential`: the signers are
         *     invited one after the other, in the list's order, each once the previous one has signed.
         * @default parallel
         * @enum {string}
         */
        SigningOrder: "parallel" | "sequential";
        /** @description One document (`document`) or several (`documents`, SPEC §10); never both. */
        CreateRequestJson: components["schemas"]["RequestContent"] & ({
            document: components["schemas"]["DocumentRef"];
        } | {
            documents: components["schemas"]["DocumentRef"][];
        });
        /** @description The `request` part of the multipart form: `document` with part `document`, or `documents` with one `documents` part each, in order. */
        CreateRequestPart: components["schemas"]["RequestContent"] & ({
            document: components["schemas"]["UploadedDocument"];
        } | {
            documents: components["schemas"]["UploadedDocument"][];
        });
        CreateRequestMultipart: {
            /** @description One document: the PDF bytes (file name in the part's Content-Disposition). */
            document?: string;
            /** @description Several documents: one part named `documents` per entry of the request's `documents`, in the same order. */
            documents?: string[];
            request: components["schemas"]["CreateRequestPart"];
        };
        /** @enum {string} */
        RequestStatus: "pending" | "signed" | "refused" | "expired" | "cancelled";
        /** @enum {string} */
        SignerStatus: "waiting" | "signed" | "refused";
        RequestSigner: components["schemas"]["Signer"] & {
            status: components["schemas"]["SignerStatus"];
            /** Format: date-time */
            signedAt?: string | null;
        };
        /** @description A signature request as the proxy returns it. */
        SignRequest: {
            id: string;
            status: components["schemas"]["RequestStatus"];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            signers: components["schemas"]["RequestSigner"][];
            fields: components["schemas"]["Field"][];
            message?: string;
            /**
             * Format: uri
             * @description `{proxy}/requests/{id}/signed-document` once signed (the first document's); fetched with the Bearer token.
             */
            signedDocumentUrl?: string | null;
            /** @description The request's documents, in order (one entry for a one-document request). */
            documents?: components["schemas"]["RequestDocument"][];
            signingOrder?: components["schemas"]["SigningOrder"];
            /**
             * Format: date-time
             * @description When the request expires if not everyone has signed.
             */
            expiresAt?: string;
        };
        /** @description One document of a request, as the proxy reports it. */
        RequestDocument: {
            name: string;
            /**
             * Format: uri
             * @description `{proxy}/requests/{id}/documents/{index}/signed-document` once signed; fetched with the Bearer token.
             */
            signedDocumentUrl: string | null;
        };
        /** @enum {string} */
        JseErrorCode: "document_too_large" | "unsupported_document" | "encrypted_document" | "damaged_document" | "document_unavailable" | "token_failed" | "not_connected" | "invalid_request" | "forbidden" | "not_found" | "conflict" | "rate_limited" | "upstream_unavailable" | "network";
        /** @enum {string} */
        ValidationCode: "required" | "invalid_email" | "duplicate_email" | "invalid_phone" | "not_mobile" | "no_field" | "unknown_signer" | "outside_page" | "unknown_document" | "out_of_range";
        ValidationProblem: {
            /** @description JSON Pointer into the sent request, using signer ids: /signers/s2/phone, /fields/3, /documents/1, /expiresAt. */
            path: string;
            code: components["schemas"]["ValidationCode"];
            /** @description Human-readable, in the request's locale. */
            message: string;
        };
        /** @description RFC 9457 problem details, with the stable `code` the widget relies on. */
        Problem: {
            /** @default about:blank */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            instance?: string;
            code: components["schemas"]["JseErrorCode"];
            errors?: components["schemas"]["ValidationProblem"][];
        };
    };
    responses: {
        /** @description An RFC 9457 problem with a stable `code`. */
        Problem: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Try again later, after `Retry-After` when given. */
        Retryable: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "about:blank",
                 *       "title": "Jesignexpert indisponible",
                 *       "status": 503,
                 *       "code": "upstream_unavailable"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The request is well-formed but invalid; `errors` lists each problem. */
        ValidationFailed: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "about:blank",
                 *       "title": "Demande invalide",
                 *       "status": 422,
                 *       "code": "invalid_request",
                 *       "errors": [
                 *         {
                 *           "path": "/signers/s2/phone",
                 *           "code": "not_mobile",
                 *           "message": "Le numéro doit être un mobile."
                 *         },
                 *         {
                 *           "path": "/fields/3",
                 *           "code": "outside_page",
                 *           "message": "L'emplacement dépasse de la page."
                 *         }
                 *       ]
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: {
        /**
         * @description Derived by the widget from the draft's identity and its content (a SHA-256, hex): every
         *     retry of the same content carries the same key. The proxy stores the key with the request it
         *     created (per user, for at least 24 h).
         */
        IdempotencyKey: string;
        RequestId: string;
    };
    requestBodies: never;
    headers: {
        /** @description Version of the request's representation, for `If-None-Match`. */
        ETag: string;
        /** @description Seconds (or an HTTP date) before asking again. */
        RetryAfter: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A token. */
            200: {
                headers: {
                    /** @description Must be `no-store`. */
                    "Cache-Control"?: "no-store";
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "token": "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ1NDIiLCJhdWQiOiJqc2UtcHJveHkifQ.c2ln",
                     *       "expiresIn": 300,
                     *       "proxyUrl": "https://ged.example.fr/api/jse"
                     *     }
                     */
                    "application/json": components["schemas"]["TokenResponse"];
                };
            };
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            default: components["responses"]["Problem"];
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Linked or not. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            401: components["responses"]["Problem"];
            429: components["responses"]["Retryable"];
            502: components["responses"]["Retryable"];
            503: components["responses"]["Retryable"];
            504: components["responses"]["Retryable"];
            default: components["responses"]["Problem"];
        };
    };
    createRequest: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Derived by the widget from the draft's identity and its content (a SHA-256, hex): every
                 *     retry of the same content carries the same key. The proxy stores the key with the request it
                 *     created (per user, for at least 24 h).
                 */
                "Idempotency-Key": components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateRequestJson"];
                "multipart/form-data": components["schemas"]["CreateRequestMultipart"];
            };
        };
        responses: {
            /** @description Replay of an earlier call with the same key and content. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignRequest"];
                };
            };
            /** @description Created (or, for a repeated key with the same content, the request created the first time). */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "req_7Yk2",
                     *       "status": "pending",
                     *       "createdAt": "2026-11-26T10:15:00Z",
                     *       "updatedAt": "2026-11-26T10:15:00Z",
                     *       "signers": [
                     *         {
                     *           "id": "s1",
                     *           "email": "paul.durand@example.fr",
                     *           "firstName": "Paul",
                     *           "lastName": "Durand",
                     *           "phone": "+33612345678",
                     *           "status": "waiting",
                     *           "signedAt": null
                     *         }
                     *       ],
                     *       "fields": [
                     *         {
                     *           "signerId": "s1",
                     *           "page": 2,
                     *           "x": 360,
                     *           "y": 96,
                     *           "width": 180,
                     *           "height": 60
                     *         }
                     *       ],
                     *       "signedDocumentUrl": null
                     *     }
                     */
                    "application/json": components["schemas"]["SignRequest"];
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            409: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["Retryable"];
            502: components["responses"]["Retryable"];
            503: components["responses"]["Retryable"];
            504: components["responses"]["Retryable"];
            default: components["responses"]["Problem"];
        };
    };
    getRequest: {
        parameters: {
            query?: never;
            header?: {
                "If-None-Match"?: string;
            };
            path: {
                id: components["parameters"]["RequestId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "req_7Yk2",
                     *       "status": "signed",
                     *       "createdAt": "2026-11-26T10:15:00Z",
                     *       "updatedAt": "2026-11-26T11:02:41Z",
                     *       "signers": [
                     *         {
                     *           "id": "s1",
                     *           "email": "paul.durand@example.fr",
                     *           "firstName": "Paul",
                     *           "lastName": "Durand",
                     *           "phone": "+33612345678",
                     *           "status": "signed",
                     *           "signedAt": "2026-11-26T11:02:41Z"
                     *         }
                     *       ],
                     *       "fields": [
                     *         {
                     *           "signerId": "s1",
                     *           "page": 2,
                     *           "x": 360,
                     *           "y": 96,
                     *           "width": 180,
                     *           "height": 60
                     *         }
                     *       ],
                     *       "signedDocumentUrl": "https://ged.example.fr/api/jse/requests/req_7Yk2/signed-document"
                     *     }
                     */
                    "application/json": components["schemas"]["SignRequest"];
                };
            };
            /** @description Not modified since the `ETag` given in `If-None-Match`. */
            304: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            429: components["responses"]["Retryable"];
            502: components["responses"]["Retryable"];
            503: components["responses"]["Retryable"];
            504: components["responses"]["Retryable"];
            default: components["responses"]["Problem"];
        };
    };
    cancelRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["RequestId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Cancelled. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            409: components["responses"]["Problem"];
            429: components["responses"]["Retryable"];
            502: components["responses"]["Retryable"];
            503: components["responses"]["Retryable"];
            504: components["responses"]["Retryable"];
            default: components["responses"]["Problem"];
        };
    };
    getSignedDocument: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["RequestId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The signed PDF. */
            200: {
                headers: {
                    /** @description `attachment; filename="…"` with the signed file's name. */
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            /** @description The request is not signed (yet). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["Retryable"];
            502: components["responses"]["Retryable"];
            503: components["responses"]["Retryable"];
            504: components["responses"]["Retryable"];
            default: components["responses"]["Problem"];
        };
    };
    getSignedDocumentAt: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["RequestId"];
                /** @description The document's 0-based index in the request's `documents`. */
                index: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The signed PDF. */
            200: {
                headers: {
                    /** @description `attachment; filename="…"` with the signed file's name. */
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            /** @description The request is not signed (yet). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["Retryable"];
            502: components["responses"]["Retryable"];
            503: components["responses"]["Retryable"];
            504: components["responses"]["Retryable"];
            default: components["responses"]["Problem"];
        };
    };
}
