import { describe, expect, it } from 'vitest';
import { analyze, StarlError } from '../../src/index.js';

const codeOf = (answer: string): string | null => {
  try {
    analyze({ question: 'Tell me about yourself.', answer });
    return null;
  } catch (error) {
    return error instanceof StarlError ? error.code : 'not a StarlError';
  }
};

describe('Starl judges English answers made of names', () => {
  it.each([
    ['a list of technologies', 'Python, Django, PostgreSQL, Docker and AWS, mostly on fintech back ends.'],
    ['technologies alone', 'Java, Spring Boot, Kafka, Kubernetes, Terraform, AWS, GCP.'],
    ['certifications', 'CKA, AWS Solutions Architect, Azure AZ-104, Terraform Associate.'],
    ['places', 'Lisbon, Porto, Madrid, Barcelona and Seville.'],
    ['an English answer with foreign names', 'I worked with Dr. José de la Cruz at Hospital San Juan de Dios in Bogotá for two years, and I loved the team.'],
  ])('judges %s', (_, answer) => {
    expect(codeOf(answer)).toBeNull();
  });
});

describe('Starl refuses answers that are not English', () => {
  it.each([
    ['a short Spanish answer', 'Soy enfermera.'],
    ['Spanish with an English opening', "I'm a nurse. Trabajo en el hospital desde hace cinco años y me gusta mucho ayudar a los pacientes."],
    ['French', "Je suis infirmière depuis cinq ans et j'aime beaucoup mon travail avec les patients."],
    ['German', 'Ich arbeite seit fünf Jahren als Krankenschwester und ich liebe meine Arbeit.'],
    ['Portuguese', 'Eu trabalho como enfermeira há cinco anos e gosto muito de ajudar os pacientes.'],
  ])('refuses %s', (_, answer) => {
    expect(codeOf(answer)).toBe('E_INPUT_NOT_ENGLISH');
  });
});
