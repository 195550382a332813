/** Admin labels: Chinese first, English for staff who switch the admin language. */
export const label = (zh: string, en: string) => ({ zh, en })

export const option = <T extends string>(value: T, zh: string, en: string) => ({ value, label: { zh, en } })
