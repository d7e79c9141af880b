export const lessonsLabel = (n: number) => `${n} ${n === 1 ? 'lesson' : 'lessons'}`;
