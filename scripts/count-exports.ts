import ts from "typescript";
const files = process.argv.slice(2);
const program = ts.createProgram(files, { strict: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, noEmit: true });
const checker = program.getTypeChecker();
for (const f of files) {
  const sf = program.getSourceFile(f)!;
  const sym = checker.getSymbolAtLocation(sf)!;
  const ex = checker.getExportsOfModule(sym);
  console.log(f, ex.length);
  if (process.env.LIST) console.log(ex.map(s=>s.name).sort().join(" "));
}
