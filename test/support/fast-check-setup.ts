// Property tests run with a fixed seed so that CI is reproducible; set FC_SEED to explore others
// (a failure prints the seed and path to replay it).
import fc from "fast-check";

fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20_261_130) });
