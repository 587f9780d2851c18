/**
 * Module boundaries, checked by `pnpm lint` (docs/decisions/050-table-owners-and-module-boundaries.md).
 * A violation of any rule fails the check.
 */
module.exports = {
  forbidden: [
    {
      name: 'web-feature-imports-feature',
      comment: 'A web feature does not import another feature; what two features share lives in web/src/components or web/src/lib.',
      severity: 'error',
      from: { path: '^web/src/features/([^/]+)/' },
      to: { path: '^web/src/features/([^/]+)/', pathNot: '^web/src/features/$1/' },
    },
    {
      name: 'web-imports-server-or-db',
      comment: 'The web app talks to the server over HTTP only; contracts and rules come from shared/.',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^(server|db)/' },
    },
    {
      name: 'module-imports-module-internals',
      comment: 'A server module uses another module only through its public index.ts.',
      severity: 'error',
      from: { path: '^server/src/modules/([^/]+)/' },
      to: {
        path: '^server/src/modules/([^/]+)/',
        pathNot: ['^server/src/modules/$1/', '^server/src/modules/[^/]+/index[.]ts$'],
      },
    },
    {
      name: 'outside-imports-module-internals',
      comment: 'Code outside the modules (app, plugins, jobs, cli) uses a module only through its public index.ts.',
      severity: 'error',
      from: { path: '^server/src/', pathNot: ['^server/src/modules/', '[.]test[.]tsx?$'] },
      to: { path: '^server/src/modules/[^/]+/', pathNot: '^server/src/modules/[^/]+/index[.]ts$' },
    },
    {
      name: 'route-file-has-sql',
      comment: 'Route files parse, authorise and answer; queries live in the module’s services and repositories.',
      severity: 'error',
      from: { path: '[.]routes[.]ts$' },
      to: { path: 'node_modules/.*drizzle-orm' },
    },
    {
      name: 'shared-imports-others',
      comment: 'shared/ holds contracts and pure rules: it imports nothing of server, web or db.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^(server|web|db)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)dist/' },
    tsPreCompilationDeps: true,
    combinedDependencies: false,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'],
    },
  },
};
