// Outside main/electron the core, web and CLI faces must not use Electron: main/tsconfig.json maps
// 'electron' to this empty module, so importing anything from it fails to compile.
export {};
