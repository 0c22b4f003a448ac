import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { cataloguePageRoutes } from './catalogue/page-routes.tsx';
import { catalogueApiRoutes } from './catalogue/routes.ts';
import { catalogueEditorRoutes } from './catalogue/editor-routes.tsx';
import { municipalityRoutes } from './municipalities/routes.ts';
import { povertyApiRoutes, povertyPageRoutes } from './poverty/index.ts';
import { reachApiRoutes } from './reach/index.ts';
import { dashboardRoutes } from './dashboards/index.ts';
import { registerAssets } from './platform/assets.ts';
import { registerSecurityHeaders } from './platform/security-headers.ts';
import type { Config } from './platform/config.ts';
import type { DatabaseHandle } from './platform/db.ts';
import type { Clock } from './platform/clock.ts';
import type { ReferenceParameters } from './eligibility/parameters.ts';
import { publicApplicationRoutes, staffApplicationRoutes } from './applications/index.ts';
import { schemeEditorRoutes } from './eligibility/scheme-editor-routes.tsx';
import { allSchemeKeys } from './eligibility/scheme-store.ts';
import { eligibilityApiRoutes } from './eligibility/routes.ts';
import { checkPageRoutes } from './eligibility/check-routes.tsx';
import { identityRoutes } from './identity/routes.tsx';
import { memberRoutes } from './identity/members-routes.tsx';
import { privacyRoutes } from './privacy/routes.tsx';
import { passwordResetRoutes } from './identity/password-reset-routes.tsx';
import { citizenRoutes } from './identity/citizen-routes.tsx';
import { recordRoutes, registerAccessControl, type RouteEntry } from './identity/access.ts';
import { platformRoutes } from './platform/health.ts';
import { actionRoutes } from './actions/index.ts';
import { practiceRoutes } from './practices/index.ts';
import { insightRoutes } from './insight/index.ts';
import { registerErrorHandling } from './platform/http-errors.tsx';
import { deliveryUploadRoutes } from './deliveries/index.ts';

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RouteEntry[];
  }
}

export type Services = {
  config: Config;
  database: DatabaseHandle;
  parameters: ReferenceParameters;
  clock: Clock;
};

/** Never log a query string: it can hold a postcode. The path alone identifies the route. */
function requestSerializer(request: { method: string; url: string; id: string }) {
  // An invitation, password-reset or tracking link's path is a secret of its own.
  const path = request.url
    .split('?')[0]
    ?.replace(/^\/(uitnodiging|wachtwoord-herstellen|volgen)\/[^/]+/, '/$1/…');
  return { id: request.id, method: request.method, path };
}

export async function buildApp(services: Services): Promise<FastifyInstance> {
  const { config, database, parameters, clock } = services;
  const app = Fastify({
    logger:
      config.logLevel === 'silent'
        ? false
        : { level: config.logLevel, serializers: { req: requestSerializer } },
    genReqId: () => randomUUID(),
    // Only as many proxies as configured: otherwise anyone could claim any address and dodge the limits.
    trustProxy: (_address: string, hop: number) => hop < config.trustProxyHops,
    bodyLimit: 64 * 1024,
  }).withTypeProvider<ZodTypeProvider>();

  const routeTable = recordRoutes(app);
  app.decorate('routeTable', routeTable);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  registerSecurityHeaders(app, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        upgradeInsecureRequests: config.environment === 'production' ? [] : null,
      },
    },
    strictTransportSecurity: config.environment === 'production',
  });
  await app.register(cookie);
  await app.register(formbody);

  // The API documentation is public; its routes come from a plugin, so they are marked here.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/docs')) route.config = { ...route.config, access: 'public' };
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Meedoen API',
        version: '1',
        description:
          'Public catalogue of provisions in kind for children in low-income families, and the municipality lookup. Errors are application/problem+json (RFC 9457). Municipality data: Bron: CBS.',
      },
      tags: [
        { name: 'municipalities', description: 'Municipalities of 2025 and postcode lookup (Bron: CBS)' },
        { name: 'provisions', description: 'The catalogue of provisions' },
        { name: 'eligibility', description: 'The self-check: who can get what, and why' },
        {
          name: 'applications',
          description: 'Applying for provisions for a family: idempotent with an Idempotency-Key header',
        },
        { name: 'actions', description: 'The action tracker of the programme against child poverty' },
        { name: 'practices', description: 'Good practices against child poverty: the public library' },
        { name: 'insight', description: 'Insight into lack of opportunity, after disclosure control' },
        {
          name: 'poverty',
          description:
            'Children in poverty, national series per definition, and the target path (Bron: CBS / SCP)',
        },
        { name: 'platform', description: 'Health and error types' },
      ],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  const applicationOptions = {
    db: database.db,
    clock,
    secret: config.secret,
    childKeySecret: config.childKeySecret,
    parameters,
    publicBaseUrl: config.publicBaseUrl,
    secureCookies: config.environment === 'production',
  };
  registerErrorHandling(app);
  registerAccessControl(app, { db: database.db, clock, secret: config.secret });
  // Everything here is open to anyone: the public pages, the public API, assets, health.
  await app.register(async (publicScope) => {
    publicScope.addHook('onRoute', (route) => {
      route.config = { ...route.config, access: route.config?.access ?? 'public' };
    });
    registerAssets(publicScope);
    await publicScope.register(platformRoutes(database));
    await publicScope.register(municipalityRoutes(database.db));
    // Aggregates only, every figure disclosure-controlled: open like the other statistics.
    await publicScope.register(reachApiRoutes(database.db));
    await publicScope.register(dashboardRoutes(database.db));
    await publicScope.register(catalogueApiRoutes(database.db));
    await publicScope.register(cataloguePageRoutes(database.db));
    await publicScope.register(eligibilityApiRoutes(database.db, parameters, clock));
    await publicScope.register(checkPageRoutes(database.db, parameters, clock, config.secret));
    await publicScope.register(publicApplicationRoutes(applicationOptions));
    await publicScope.register(povertyApiRoutes(database.db));
    await publicScope.register(povertyPageRoutes(database.db));
  });
  await app.register(
    identityRoutes({
      db: database.db,
      clock,
      secret: config.secret,
      secureCookies: config.environment === 'production',
    }),
  );
  const accountOptions = {
    db: database.db,
    clock,
    secret: config.secret,
    publicBaseUrl: config.publicBaseUrl,
  };
  await app.register(passwordResetRoutes(accountOptions));
  await app.register(memberRoutes(accountOptions));
  await app.register(privacyRoutes({ db: database.db, secret: config.secret, clock }));
  await app.register(
    catalogueEditorRoutes({
      db: database.db,
      clock,
      secret: config.secret,
      schemeKeys: allSchemeKeys,
    }),
  );
  await app.register(schemeEditorRoutes({ db: database.db, clock, secret: config.secret }));
  await app.register(actionRoutes({ db: database.db, clock, secret: config.secret }));
  await app.register(practiceRoutes({ db: database.db, secret: config.secret }));
  await app.register(insightRoutes({ db: database.db, clock, secret: config.secret }));
  await app.register(staffApplicationRoutes(applicationOptions));
  await app.register(
    deliveryUploadRoutes({
      db: database.db,
      clock,
      secret: config.secret,
      childKeySecret: config.childKeySecret,
    }),
  );
  if (config.oidc) {
    await app.register(
      citizenRoutes({
        db: database.db,
        clock,
        secret: config.secret,
        oidc: config.oidc,
        publicBaseUrl: config.publicBaseUrl,
        secureCookies: config.environment === 'production',
      }),
    );
  }
  return app;
}
